package io.thresholds.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Mobility;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.IndicatorFlag;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every indicator that escalates, at every age from unborn to 17 and every mobility, in every
 * engine, against the SDK evaluating a referral with that one concern: the only rows of the model
 * whose result depends on the age or the mobility. Also run on an edited pack whose escalating
 * indicators carry pathway flags their targets lack (and the reverse), and whose target has an age
 * condition that includes unborn children, to exercise every form of row the exporter writes.
 */
class EscalationTest {
  private static final LocalDate DAY = LocalDate.of(2025, 6, 10);
  private static final LocalDate OBSERVED = DAY.minusDays(20);

  @Test
  void cityOfLondon_escalation_byAgeAndMobility_agreesInEveryEngine() {
    assertEveryEngineAgrees(Policies.cityOfLondon(), 3);
  }

  @Test
  void editedPack_flagsLostOrGainedOnEscalation_andUnbornAgeCondition_agreeInEveryEngine(@TempDir Path dir)
      throws IOException {
    for (String f : List.of("policy.properties", "actions.tsv", "bank-holidays.tsv", "indicators.tsv")) {
      try (InputStream in = Policies.class.getResourceAsStream("/io/thresholds/core/policy/city-of-london/" + f)) {
        Files.copy(in, dir.resolve(f));
      }
    }
    Path tsv = dir.resolve("indicators.tsv");
    String text = Files.readString(tsv, StandardCharsets.UTF_8);
    // Prevent and "do not tell" are lost when a 12-year-old's concern escalates to the under-13 row.
    text = edit(text, "T3-DEV-PREGNANT-OR-UNSAFE-RELATIONSHIP-13-15", 8, "PREVENT,DO_NOT_TELL_FAMILY");
    // "Refer to MACE" becomes "consider MACE" when a pre- or non-mobile child's injury escalates.
    text = edit(text, "T3-PAR-ASSAULT-NO-OR-MINOR-INJURY", 8, "REFER_MACE");
    text = edit(text, "T4-DEV-PRE-MOBILE-INJURY", 8, "CONSIDER_MACE,S47");
    // A target whose age condition includes unborn children but not ages 0 and 1; Prevent is gained.
    text = edit(text, "T3-PAR-SERIOUS-PERSISTENT-VIOLENCE", 9, "T4-DEV-FAILURE-TO-THRIVE-UNDER-5");
    text = edit(text, "T4-DEV-FAILURE-TO-THRIVE-UNDER-5", 6, "2..4+unborn");
    text = edit(text, "T4-DEV-FAILURE-TO-THRIVE-UNDER-5", 8, "PREVENT,S47");
    Files.writeString(tsv, text, StandardCharsets.UTF_8);
    Policy edited = Policies.load(dir);

    assertThat(DmnExporter.export(edited)).contains("<text>not([0..12])</text>", "<text>not(&gt;= 0)</text>",
        "<text>not(\"PRE_MOBILE\",\"NON_MOBILE\")</text>", "<text>&lt; 0, [2..4]</text>");
    assertEveryEngineAgrees(edited, 4);
  }

  private static void assertEveryEngineAgrees(Policy policy, int escalating) {
    String xml = DmnExporter.export(policy);
    List<DmnRunner> engines = List.of(new CamundaRunner(xml, false), new CamundaRunner(xml, true), new KieRunner(xml));
    ThresholdEvaluator sdk = ThresholdEvaluator.of(policy);
    List<Indicator> sources = policy.indicators().stream().filter(i -> i.escalatesTo().isPresent()).toList();
    assertThat(sources).hasSize(escalating);
    Map<ConcernInput, ConcernResult> expected = new LinkedHashMap<>();
    for (Indicator source : sources) {
      for (int age = DmnExporter.UNBORN_AGE; age < policy.adultAge(); age++) {
        for (Mobility mobility : Mobility.values()) {
          expected.put(new ConcernInput(source.code().value(), age, mobility), sdk(sdk, policy, source, age, mobility));
        }
      }
    }
    List<String> differences = new ArrayList<>();
    for (DmnRunner engine : engines) {
      // On every core: the engines are thread-safe once the model is loaded.
      Map<ConcernInput, ConcernResult> actual = expected.keySet().parallelStream()
          .collect(Collectors.toConcurrentMap(in -> in, engine::evaluate));
      expected.forEach((in, want) -> {
        if (!actual.get(in).equals(want)) {
          differences.add(engine.name() + " " + in + ": DMN " + actual.get(in) + ", SDK " + want);
        }
      });
    }
    assertThat(differences).isEmpty();
    assertThat(expected).hasSize(escalating * (policy.adultAge() + 1) * Mobility.values().length);
  }

  /** The SDK's lower tier and pathway flags for a referral with this one concern. */
  private static ConcernResult sdk(ThresholdEvaluator sdk, Policy policy, Indicator ind, int age, Mobility mobility) {
    Ref child = Ref.of("c1");
    Ref adult = Ref.of("a1");
    LocalDate born = age == DmnExporter.UNBORN_AGE ? DAY.minusDays(10) : OBSERVED.minusYears(age).minusDays(30);
    SubjectKind subject = ind.subjects().contains(SubjectKind.CHILD) ? SubjectKind.CHILD : SubjectKind.PARENT_CARER;
    Instant madeAt = DAY.atTime(LocalTime.of(10, 0)).atZone(policy.zone()).toInstant();
    Referral referral = Referral.builder()
        .ref(Ref.of("r1"))
        .referrer(Referrer.of(AgencyType.HEALTH))
        .madeAt(madeAt)
        .household(Household.builder()
            .addChildren(Child.builder().ref(child).dateOfBirth(born).mobility(mobility).build())
            .addAdults(Adult.builder().ref(adult).relationship(Relationship.MOTHER).parentalResponsibility(true).build())
            .build())
        .addReferredChildren(child)
        .addConcerns(Concern.builder().indicator(IndicatorCode.of(ind.code().value())).subject(subject)
            .subjectRef(subject == SubjectKind.CHILD ? child : adult).observedOn(OBSERVED).build())
        .build();
    ChildAssessment a = sdk.evaluate(referral, madeAt).children().get(0);
    Set<IndicatorFlag> flags = EnumSet.noneOf(IndicatorFlag.class);
    a.drivingIndicators().forEach(code -> flags.addAll(policy.require(code).flags()));
    return new ConcernResult(a.tierRange().orElseThrow().min().number(),
        flags.contains(IndicatorFlag.REFER_MACE) ? 2 : flags.contains(IndicatorFlag.CONSIDER_MACE) ? 1 : 0,
        flags.contains(IndicatorFlag.PREVENT) ? 1 : 0,
        flags.contains(IndicatorFlag.DO_NOT_TELL_FAMILY) ? 1 : 0);
  }

  /** Replaces one column (0-based) of one row of indicators.tsv. */
  private static String edit(String tsv, String code, int column, String value) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(code) + "\t.*$").matcher(tsv);
    assertThat(m.find()).as(code).isTrue();
    String[] cells = m.group().split("\t", -1);
    cells[column] = value;
    return tsv.substring(0, m.start()) + String.join("\t", cells) + tsv.substring(m.end());
  }
}
