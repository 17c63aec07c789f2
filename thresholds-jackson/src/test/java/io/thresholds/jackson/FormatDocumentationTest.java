package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.consent.Authoriser;
import io.thresholds.core.consent.ConsentCheck;
import io.thresholds.core.consent.ConsentForm;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentGuidance;
import io.thresholds.core.consent.ConsentRequirement;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.consent.ConsentStatus;
import io.thresholds.core.consent.NotSoughtReason;
import io.thresholds.core.consent.SharedItem;
import io.thresholds.core.consent.SharingBasis;
import io.thresholds.core.consent.SharingRecord;
import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Deadline;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.Exclusion;
import io.thresholds.core.evaluation.Reason;
import io.thresholds.core.evaluation.ReasonKind;
import io.thresholds.core.evaluation.Scope;
import io.thresholds.core.evaluation.TierRange;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.Age;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.Mobility;
import io.thresholds.core.model.PersonalDetails;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.ReferrerRole;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SchoolAttendance;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.consent.ConsentRule;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.ActionRule;
import io.thresholds.core.policy.AgeCondition;
import io.thresholds.core.policy.Channel;
import io.thresholds.core.policy.Citation;
import io.thresholds.core.policy.Contact;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.IndicatorFlag;
import io.thresholds.core.policy.IndicatorKind;
import io.thresholds.core.policy.Modality;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.policy.TierDefinition;
import io.thresholds.core.policy.Timing;
import io.thresholds.core.policy.Trigger;
import io.thresholds.core.time.WorkingCalendar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FORMAT.md is the contract: every wire name and property the code uses is documented there. */
class FormatDocumentationTest {
  private static final List<Class<? extends Enum<?>>> ENUMS = List.of(AgencyType.class,
      Relationship.class, Mobility.class, SubjectKind.class, ConsentStatus.class,
      ConsentGiver.class, ConsentForm.class, NotSoughtReason.class, Authoriser.class,
      ConsentRequirement.class, ConsentCheck.class, Scope.class, ReasonKind.class,
      ActionKind.class, Modality.class, Channel.class, ReferrerRole.class, SharedItem.class,
      SharingBasis.class, IndicatorKind.class, IndicatorFlag.class, Trigger.Kind.class,
      Timing.Kind.class, ActionRule.Gate.class, io.thresholds.core.evaluation.AgeBasis.class,
      io.thresholds.core.evaluation.OpenFact.class, io.thresholds.core.consent.Competence.class,
      io.thresholds.core.evaluation.Widening.class,
      // issue 11: the case's history and protective facts
      io.thresholds.core.model.OpenPlan.class, io.thresholds.core.model.AllocatedWorker.class,
      io.thresholds.core.model.ReferralOutcome.class, io.thresholds.core.model.ProtectiveFact.class);

  static final List<Class<?>> OBJECTS = List.of(Referral.class, Referrer.class,
      Household.class, Child.class, Adult.class, PersonalDetails.class, SchoolAttendance.class,
      Concern.class, ConsentState.class, Evaluation.class, ChildAssessment.class, Age.class,
      TierRange.class, Reason.class, Action.class, Contact.class, Deadline.class,
      ConsentGuidance.class, Citation.class, Exclusion.class, SharingRecord.class, Policy.class,
      TierDefinition.class, Indicator.class, AgeCondition.class, ConsentRule.class,
      ActionRule.class, Trigger.class, Timing.class, WorkingCalendar.class,
      io.thresholds.forms.prefill.PrefilledForm.class,
      io.thresholds.core.policy.CensusCodes.class, io.thresholds.core.policy.CensusMapping.class,
      io.thresholds.core.model.ApproximateAge.class, io.thresholds.core.consent.GiverConsent.class,
      io.thresholds.core.policy.ExclusionRule.class,
      io.thresholds.core.model.CaseHistory.class, io.thresholds.core.model.PreviousReferral.class);

  private static String format() throws Exception {
    return Files.readString(Path.of("FORMAT.md"));
  }

  @Test
  void everyEnumerationValue_isDocumented() throws Exception {
    String doc = format();
    for (Class<? extends Enum<?>> type : ENUMS) {
      for (Enum<?> constant : type.getEnumConstants()) {
        assertThat(doc).as(type.getSimpleName() + "." + constant).contains("`" + Names.of(constant) + "`");
      }
    }
  }

  @Test
  void everyProperty_isDocumented() throws Exception {
    String doc = format();
    for (Class<?> type : OBJECTS) {
      List<String> names = ThresholdsModule.knownNames(type);
      assertThat(names).as(type.getSimpleName()).isNotEmpty();
      for (String name : names) {
        assertThat(doc.contains("`" + name + "`") || doc.contains("\"" + name + "\":"))
            .as(type.getSimpleName() + "." + name + " is documented").isTrue();
      }
    }
  }

  @Test
  void wireNames_areLowerCaseWithHyphens() {
    assertThat(Names.of(SubjectKind.PARENT_CARER)).isEqualTo("parent-carer");
    assertThat(Names.of(ConsentStatus.NOT_YET_SOUGHT)).isEqualTo("not-yet-sought");
    assertThat(Names.of(AgencyType.PRISON_OR_SECURE_ESTATE)).isEqualTo("prison-or-secure-estate");
    for (Class<? extends Enum<?>> type : ENUMS) {
      for (Enum<?> constant : type.getEnumConstants()) {
        assertThat(Names.of(constant)).matches("[a-z0-9]+(-[a-z0-9]+)*");
      }
    }
  }
}
