package io.thresholds.core.policy;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.model.Tier;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One of a policy pack's own golden cases ({@code golden.tsv}): a referral document of the pack,
 * the child to look at, and the tier range and action rules the pack's authors expect. {@code
 * thresholds policy test} evaluates each and fails on any difference.
 */
@Value.Immutable
public abstract class GoldenCase {
  /** @return the case's name, unique in the pack */
  public abstract String name();

  /** @return where it is defined, e.g. {@code policy pack file golden.tsv line 4} */
  public abstract String source();

  /** @return the referral's file, relative to the pack */
  public abstract String referralFile();

  /** @return the referral, a {@code thresholds/referral@1} JSON document */
  public abstract String referralJson();

  /** @return the instant the advice is for; absent means when the referral was made */
  public abstract Optional<Instant> at();

  /** @return the ref of the referred child whose result is checked */
  public abstract String child();

  /** @return the expected lower end of the tier range */
  public abstract Tier minTier();

  /** @return the expected upper end of the tier range */
  public abstract Tier maxTier();

  /** @return the expected action rule ids, in the order advised */
  public abstract List<String> actions();

  /**
   * The builder of {@link GoldenCase}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableGoldenCase.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (maxTier().compareTo(minTier()) < 0) {
      throw new InvalidValueException("golden[" + name() + "].range", "the upper end is below the lower end");
    }
  }

  @Override
  public String toString() {
    return "GoldenCase[" + name() + "]";
  }
}
