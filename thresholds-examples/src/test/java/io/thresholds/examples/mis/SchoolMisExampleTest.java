package io.thresholds.examples.mis;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.evaluation.TierRange;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import io.thresholds.examples.mis.SchoolMisExample.HomeContact;
import io.thresholds.examples.mis.SchoolMisExample.LogEntry;
import io.thresholds.examples.mis.SchoolMisExample.ParentsAsked;
import io.thresholds.examples.mis.SchoolMisExample.Prepared;
import io.thresholds.examples.mis.SchoolMisExample.Pupil;
import io.thresholds.examples.mis.SchoolMisExample.Sibling;
import io.thresholds.forms.prefill.PrefilledForm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchoolMisExampleTest {
  private static final Policy POLICY = Policies.cityOfLondon();
  private static final Instant NOW = Instant.parse("2025-11-21T10:15:00Z"); // a Friday, office hours
  private static final Pupil PUPIL = new Pupil("pupil-4711", LocalDate.of(2013, 5, 14), 84, false);
  private static final List<HomeContact> HOME = List.of(new HomeContact("contact-88", "Mother", true),
      new HomeContact("contact-89", "Stepfather", false));

  private static Prepared prepare(List<LogEntry> log, ParentsAsked asked, List<Sibling> siblings) {
    return SchoolMisExample.referral("case-1", PUPIL, siblings, HOME, log, asked,
        Instant.parse("2025-11-21T09:40:00Z"), true, NOW);
  }

  private static Evaluation evaluate(Referral r) {
    return ThresholdEvaluator.of(POLICY).evaluate(r, NOW);
  }

  @Test
  void youngCarerWithLowAttendance_isEarlyHelp_withTheParentsConsent() {
    Prepared p = prepare(List.of(new LogEntry("young-carer", "pupil-4711", LocalDate.of(2025, 11, 18))),
        ParentsAsked.AGREED_VERBALLY, List.of());
    assertThat(p.unmapped()).isEmpty();
    Referral r = p.referral();
    assertThat(r.referrer().designatedSafeguardingLead()).isTrue();
    assertThat(r.household().adults()).hasSize(2);
    ChildAssessment a = evaluate(r).children().get(0);
    assertThat(a.tierRange()).contains(TierRange.of(Tier.ADDITIONAL_NEEDS, Tier.HIGH_OR_COMPLEX)); // two Tier 2 needs
    assertThat(a.drivingIndicators()).extracting(c -> c.value())
        .contains("T2-FAM-YOUNG-CARER-NEEDS", "T2-DEV-LOW-ATTENDANCE"); // 84% attendance, derived
    assertThat(a.actions()).extracting(x -> x.kind()).contains(ActionKind.EARLY_HELP_REFERRAL);
  }

  @Test
  void disclosure_isTier4_andThePhoneReferralComesFirst() {
    Prepared p = prepare(List.of(new LogEntry("disclosure-of-abuse", "pupil-4711", LocalDate.of(2025, 11, 21))),
        ParentsAsked.NOT_ASKED_UNSAFE, List.of());
    Evaluation e = evaluate(p.referral());
    ChildAssessment a = e.children().get(0);
    assertThat(a.tierRange().orElseThrow().min()).isEqualTo(Tier.ACUTE);
    assertThat(a.actions().get(0).kind()).isEqualTo(ActionKind.PHONE_REFERRAL);
    List<String> screen = SchoolMisExample.screen(POLICY, e);
    assertThat(screen.get(0)).isEqualTo("pupil-4711: Tier 4 - Acute needs (significant harm, s47)");
    assertThat(screen.get(1)).startsWith("  1. MUST: ").contains("Contact: Children and Families Hub, 020")
        .contains("By Fri 21 Nov 2025, 10:15.");
    assertThat(screen.get(screen.size() - 1)).isEqualTo(Evaluation.ADVISORY);
  }

  @Test
  void aParentConcern_appliesToTheReferredSibling_andTheOtherSiblingIsExcludedWithTheReason() {
    Prepared p = prepare(List.of(new LogEntry("parent-substance-misuse", "contact-88", LocalDate.of(2025, 11, 20))),
        ParentsAsked.AGREED_IN_WRITING,
        List.of(new Sibling("pupil-4712", LocalDate.of(2016, 2, 3), Optional.empty()),
            new Sibling("pupil-4713", LocalDate.of(2009, 7, 1), Optional.of("At sixth form college; its safeguarding lead has been told."))));
    Evaluation e = evaluate(p.referral());
    assertThat(e.children()).extracting(c -> c.child().value()).containsExactly("pupil-4711", "pupil-4712");
    assertThat(e.child(io.thresholds.core.model.Ref.of("pupil-4712")).orElseThrow().drivingIndicators())
        .extracting(c -> c.value()).contains("T2-PAR-PARENTAL-SUBSTANCE-USE");
    assertThat(e.exclusions()).singleElement().satisfies(x -> assertThat(x.child().value()).isEqualTo("pupil-4713"));
  }

  @Test
  void aCategoryWithNoIndicator_isReported_notGuessed() {
    Prepared p = prepare(List.of(new LogEntry("uniform", "pupil-4711", LocalDate.of(2025, 11, 20))),
        ParentsAsked.NOT_YET, List.of());
    assertThat(p.unmapped()).containsExactly("uniform");
    assertThat(p.referral().concerns()).isEmpty();
  }

  @Test
  void everyMappedCategoryIsAnIndicatorOfTheCatalogue() {
    SchoolMisExample.CATEGORIES.values().forEach(code ->
        assertThat(POLICY.indicator(io.thresholds.core.model.IndicatorCode.of(code))).as(code).isPresent());
  }

  private static final SchoolMisExample.StaffMember DSL = new SchoolMisExample.StaffMember(
      "A. Teacher", "Designated Safeguarding Lead", "Example Primary School", "020 7946 0000", "dsl@example.org");

  @Test
  void marf_earlyHelp_isPrefilledFromTheEvaluation_andTheStaffRecords() {
    Prepared p = prepare(List.of(new LogEntry("young-carer", "pupil-4711", LocalDate.of(2025, 11, 18))),
        ParentsAsked.AGREED_VERBALLY, List.of());
    Evaluation e = evaluate(p.referral());
    PrefilledForm marf = SchoolMisExample.marf(POLICY, p.referral(), e, Ref.of("pupil-4711"), DSL).orElseThrow();
    assertThat(marf.schema().id()).isEqualTo("marf");
    assertThat(marf.data().get("referrer.agency")).contains("Example Primary School");
    assertThat(marf.data().get("referrer.email")).contains("dsl@example.org");
    assertThat(marf.data().get("referrer.date")).contains("2025-11-21");
    assertThat(marf.data().get("consent.parentalConsent")).contains("VERBAL");
    assertThat((String) marf.data().get("worries.needs").orElseThrow())
        .contains("Young carer").contains("School attendance below 90%").contains("City of London Thresholds of Need");
    List<String> screen = SchoolMisExample.marfScreen(marf, LocalDate.of(2025, 11, 21));
    assertThat(screen.get(0)).startsWith("MARF draft (Multi-Agency Referral Form), ");
    assertThat(screen).contains("  referrer.name: A. Teacher");
    assertThat(screen.get(screen.size() - 1)).startsWith("  Still to answer: child.forenames, child.surname")
        .doesNotContain("referrer.");
  }

  @Test
  void marf_disclosure_isAChildrensSocialCareReferral_withoutConsent() {
    Prepared p = prepare(List.of(new LogEntry("disclosure-of-abuse", "pupil-4711", LocalDate.of(2025, 11, 21))),
        ParentsAsked.NOT_ASKED_UNSAFE, List.of());
    PrefilledForm marf = SchoolMisExample.marf(POLICY, p.referral(), evaluate(p.referral()), Ref.of("pupil-4711"), DSL)
        .orElseThrow();
    assertThat(marf.data().get("referralType.service")).contains("CHILDRENS_SOCIAL_CARE");
    assertThat(marf.data().get("consent.parentalConsent")).contains("NOT_OBTAINED");
    assertThat(marf.notes()).anyMatch(n -> n.startsWith("consent.reason"));
  }

  @Test
  void marf_notCalledFor_atTier1() {
    Prepared p = SchoolMisExample.referral("case-1", new Pupil("pupil-4711", LocalDate.of(2013, 5, 14), 98, false),
        List.of(), HOME, List.of(), ParentsAsked.NOT_YET, NOW, true, NOW);
    Evaluation e = evaluate(p.referral());
    assertThat(e.children().get(0).tierRange()).contains(TierRange.of(Tier.UNIVERSAL, Tier.UNIVERSAL));
    assertThat(SchoolMisExample.marf(POLICY, p.referral(), e, Ref.of("pupil-4711"), DSL)).isEmpty();
  }

  @Test
  void mainPrintsTheScreen() {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      SchoolMisExample.main(new String[0]);
    } finally {
      System.setOut(out);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).startsWith("pupil-4711: Tier 2-3")
        .contains("Not assessed (no indicator for these log categories): [uniform]")
        .contains("MARF draft (Multi-Agency Referral Form)")
        .contains("  consent.parentalConsent: VERBAL")
        .contains("  Still to answer: ");
  }
}
