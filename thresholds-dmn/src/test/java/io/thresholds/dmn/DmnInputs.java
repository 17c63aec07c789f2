package io.thresholds.dmn;

import io.thresholds.core.model.Age;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.SubjectKind;
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
      if (c.subject() == SubjectKind.CHILD && !c.subjectRef().equals(child.ref())) {
        continue;
      }
      out.add(new ConcernInput(c.indicator().value(), ageYears(child, c), child.mobility()));
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
