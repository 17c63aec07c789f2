package io.thresholds.dmn;

import io.thresholds.core.model.Age;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Referral;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * What the calling process gives the exported model for one child of a referral: one input per
 * concern that applies to the child (those about the child, and every concern about a parent, carer
 * or another household member), with the child's age on the day the concern was observed.
 */
final class DmnInputs {
  private DmnInputs() {}

  /**
   * @param referral the referral
   * @param child a referred child
   * @return one input per concern that applies to the child, in the referral's order
   */
  static List<ConcernInput> forChild(Referral referral, Child child) {
    List<ConcernInput> out = new ArrayList<>(referral.concerns().size());
    for (Concern c : referral.concerns()) {
      if (!c.appliesTo(child.ref())) {
        continue; // about another child (referral@2 aboutChildren names the children it is about)
      }
      out.add(new ConcernInput(c.indicator().value(), ageYears(child, c), child.mobility()));
    }
    return out;
  }

  /**
   * For a child whose age is approximate or unknown (referral@2): for each concern that applies to
   * the child, the inputs at every whole age the child may have had on the day it was observed
   * (the unborn input too when an approximate age's latest possible birth is after that day). Ages
   * above {@code highestBound}, the highest age any condition of the policy names, give the same
   * result as {@code highestBound + 1}, so an unknown age needs at most {@code highestBound + 2}
   * inputs a concern.
   *
   * @param referral the referral
   * @param child a referred child whose age is not exact
   * @param referralDay the day the referral is made, in the policy's time zone
   * @param highestBound the highest age bound of the policy's age conditions
   * @return one list of alternative inputs per concern that applies to the child
   */
  static List<List<ConcernInput>> forChildAtEveryPossibleAge(Referral referral, Child child,
      LocalDate referralDay, int highestBound) {
    LocalDate latest = child.latestBirth(referralDay);
    LocalDate earliest = child.earliestBirth(referralDay);
    List<List<ConcernInput>> out = new ArrayList<>();
    for (Concern c : referral.concerns()) {
      if (!c.appliesTo(child.ref())) {
        continue;
      }
      LocalDate seen = c.observedOn();
      List<ConcernInput> alternatives = new ArrayList<>();
      if (child.approximateAge().isPresent() && latest.isAfter(seen)) {
        alternatives.add(new ConcernInput(c.indicator().value(), DmnExporter.UNBORN_AGE, child.mobility()));
      }
      int lo = latest.isAfter(seen) ? 0 : Period.between(latest, seen).getYears();
      int hi = earliest.isAfter(seen) ? -1 : Period.between(earliest, seen).getYears();
      for (int y = lo; y <= Math.min(hi, highestBound + 1); y++) {
        alternatives.add(new ConcernInput(c.indicator().value(), y, child.mobility()));
      }
      if (alternatives.isEmpty()) {
        alternatives.add(new ConcernInput(c.indicator().value(), DmnExporter.UNBORN_AGE, child.mobility()));
      }
      out.add(alternatives);
    }
    return out;
  }

  private static int ageYears(Child child, Concern c) {
    if (child.dateOfBirth().isPresent() && child.dateOfBirth().get().isAfter(c.observedOn())) {
      return DmnExporter.UNBORN_AGE;
    }
    Age age = child.ageOn(c.observedOn());
    return age.unborn() ? DmnExporter.UNBORN_AGE : age.years();
  }
}
