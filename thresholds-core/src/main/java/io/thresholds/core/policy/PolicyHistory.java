package io.thresholds.core.policy;

import io.thresholds.core.InvalidValueException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The versions of one partnership's policy, each in force from its {@link Policy#effectiveFrom()}
 * until its {@link Policy#effectiveUntil()} or the next version's start, whichever is first. It
 * answers "which policy applied at this instant", so a referral made before a change is evaluated
 * under the version then in force (see {@code io.thresholds.core.evaluation.VersionedEvaluator}).
 *
 * <pre>{@code
 * PolicyHistory history = PolicyHistory.of(List.of(v1, v2));
 * Policy then = history.at(referral.madeAt());
 * }</pre>
 */
public final class PolicyHistory {
  private final List<Policy> versions;

  private PolicyHistory(List<Policy> versions) {
    this.versions = versions;
  }

  /**
   * @param versions versions of one policy, in any order
   * @return the history
   * @throws InvalidValueException if the list is empty, the ids differ, a version is listed twice,
   *     more than one version has no start, or two versions overlap
   */
  public static PolicyHistory of(List<Policy> versions) {
    Objects.requireNonNull(versions, "versions");
    if (versions.isEmpty()) {
      throw new InvalidValueException("versions", "must hold at least one policy");
    }
    List<Policy> sorted = new ArrayList<>(versions);
    sorted.sort(Comparator.comparing((Policy p) -> p.effectiveFrom().orElse(LocalDate.MIN)));
    String id = sorted.get(0).id();
    for (int i = 0; i < sorted.size(); i++) {
      Policy p = sorted.get(i);
      String f = "versions[" + p.id() + " " + p.version() + "]";
      if (!p.id().equals(id)) {
        throw new InvalidValueException(f, "every version must have the same policy id");
      }
      if (i > 0) {
        Policy before = sorted.get(i - 1);
        if (p.version().equals(before.version())) {
          throw new InvalidValueException(f, "version is listed twice");
        }
        if (p.effectiveFrom().isEmpty()) {
          throw new InvalidValueException(f + ".effectiveFrom", "only the first version may have no start date");
        }
        if (p.effectiveFrom().equals(before.effectiveFrom())) {
          throw new InvalidValueException(f + ".effectiveFrom", "two versions start on the same day");
        }
        if (before.effectiveUntil().isPresent() && before.effectiveUntil().get().isAfter(p.effectiveFrom().get())) {
          throw new InvalidValueException(f + ".effectiveFrom", "overlaps the previous version, which runs until "
              + before.effectiveUntil().get());
        }
      }
    }
    return new PolicyHistory(List.copyOf(sorted));
  }

  /** @return the versions, oldest first */
  public List<Policy> versions() {
    return versions;
  }

  /** @return the policy id */
  public String id() {
    return versions.get(0).id();
  }

  /**
   * @param at an instant
   * @return the version in force then, if any (none before the first start, in a gap between an
   *     until date and the next start, or after the last until date)
   */
  public Optional<Policy> find(Instant at) {
    Objects.requireNonNull(at, "at");
    Policy found = null;
    for (Policy p : versions) {
      if (p.effectiveFrom().map(f -> !at.atZone(p.zone()).toLocalDate().isBefore(f)).orElse(true)) {
        found = p;
      }
    }
    return found != null && found.inForceAt(at) ? Optional.of(found) : Optional.empty();
  }

  /**
   * @param at an instant
   * @return the version in force then
   * @throws InvalidValueException if no version was in force then
   */
  public Policy at(Instant at) {
    return find(at).orElseThrow(() -> new InvalidValueException("policyAt",
        "no version of policy " + id() + " is in force on that day"));
  }

  /**
   * @param version a version string
   * @return that version
   */
  public Optional<Policy> version(String version) {
    return versions.stream().filter(p -> p.version().equals(version)).findFirst();
  }

  @Override
  public String toString() {
    return "PolicyHistory[" + id() + ", " + versions.size() + " versions]";
  }
}
