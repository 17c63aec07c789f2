package io.thresholds.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.model.ApproximateAge;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.Mobility;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.testing.ReferralDomain;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;

/** Issue 11: an unknown fact never lowers a tier. */
@Domain(ReferralDomain.class)
@Domain(DomainContext.Global.class)
class UnknownFactProperties {
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(Policies.cityOfLondon());

  /**
   * Replacing a known fact of one child (mobility, disability, date of birth by "unknown" or by an
   * approximate age that holds the true age) by what is less known never lowers the maximum tier of
   * any referred child, and never takes a child out of scope.
   */
  @Property(tries = 1500)
  void replacingAKnownFactByUnknown_neverLowersTheMaximumTier(
      @ForAll Referral referral, @ForAll @IntRange(min = 0, max = 29) int which,
      @ForAll @IntRange(min = 0, max = 3) int fact) {
    List<Child> children = referral.household().children();
    int i = which % children.size();
    Child c = children.get(i);
    LocalDate day = referral.madeAt().atZone(EVALUATOR.policy().zone()).toLocalDate();
    UnaryOperator<Child> less;
    switch (fact) {
      case 0:
        less = x -> Child.builder().from(x).mobility(Mobility.UNKNOWN).build();
        break;
      case 1:
        less = x -> Child.builder().from(x).disabled(false).disabilityNeedsAssessed(false)
            .disabilityUnknown(true).build();
        break;
      case 2:
        if (c.dateOfBirth().isEmpty()) {
          return;
        }
        less = x -> Child.builder().from(x).dateOfBirth(java.util.Optional.empty()).ageUnknown(true).build();
        break;
      default:
        if (c.dateOfBirth().isEmpty() || c.ageOn(day).years() > ApproximateAge.MAX_YEARS) {
          return;
        }
        int years = c.ageOn(day).years();
        less = x -> Child.builder().from(x).dateOfBirth(java.util.Optional.empty())
            .approximateAge(ApproximateAge.ofYears(years)).build();
        break;
    }
    List<Child> changed = new ArrayList<>(children);
    changed.set(i, less.apply(c));
    Referral after = Referral.builder().from(referral)
        .household(Household.builder().from(referral.household()).children(changed).build()).build();
    Evaluation before = EVALUATOR.evaluate(referral, referral.madeAt());
    Evaluation now = EVALUATOR.evaluate(after, after.madeAt());
    for (int k = 0; k < before.children().size(); k++) {
      ChildAssessment was = before.children().get(k);
      ChildAssessment is = now.children().get(k);
      if (was.tierRange().isPresent()) {
        assertThat(is.tierRange()).as("child %s still in scope", was.child()).isPresent();
        assertThat(is.tierRange().get().max()).as("max tier of %s", was.child())
            .isGreaterThanOrEqualTo(was.tierRange().get().max());
      }
    }
  }
}
