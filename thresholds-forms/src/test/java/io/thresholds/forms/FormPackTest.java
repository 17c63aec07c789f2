package io.thresholds.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded City of London forms against the appendices of the Thresholds of Need: the number
 * of fields per section (and of columns per repeatable group) as the document prints them.
 */
class FormPackTest {
  private static final FormPack PACK = Forms.cityOfLondon();

  /** Fields per section, and columns per group (keyed by the group's id). */
  static Map<String, Integer> counts(FormSchema form) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (Section s : form.sections()) {
      m.put(s.id(), s.fields().size());
      for (Field f : s.fields()) {
        if (f.type() == FieldType.GROUP) {
          m.put(f.id(), f.columns().size());
        }
      }
    }
    return m;
  }

  @Test
  void pack_isTheCityOfLondonPolicy_withTheThreeAppendixForms() {
    assertThat(PACK.policyId()).isEqualTo("city-of-london");
    assertThat(PACK.forms()).extracting(FormSchema::id).containsExactly("marf", "mace", "prevent");
    for (ReferralForm f : ReferralForm.values()) {
      FormSchema schema = PACK.form(f).orElseThrow();
      assertThat(schema.citation().section()).startsWith(f.appendix());
      assertThat(schema.citation().document()).isEqualTo("City of London Thresholds of Need");
    }
  }

  @Test
  void appendix1_marf_fieldsPerSection() {
    // Referral type: service x new/repeat grid; referring agency 8 cells; child 10 cells; household
    // table 6 columns; agency involvement + EHA question; 1. worried (child named, needs, past harm,
    // future risk); 2. working well; 3. goals, complicating factors, parents' and child's views,
    // next steps; two signatures; consent: consent given, reason, viewed yes/no, how, PR signatures
    // (name, signature, date; two blocks).
    assertThat(counts(PACK.form(ReferralForm.MARF).orElseThrow())).containsExactly(
        entry("referralType", 2), entry("referrer", 8), entry("child", 10), entry("household", 1),
        entry("household.members", 6), entry("agency", 2), entry("worries", 4), entry("workingWell", 1),
        entry("nextSteps", 5), entry("signatures", 2), entry("consent", 5), entry("consent.parentSignatures", 3));
  }

  @Test
  void appendix3_mace_fieldsPerSection() {
    assertThat(counts(PACK.form(ReferralForm.MACE).orElseThrow())).containsExactly(
        entry("referringProfessional", 4), entry("subject", 11), entry("family", 1), entry("family.members", 3),
        entry("linkedSubjects", 1), entry("linkedSubjects.subjects", 4), entry("perpetrators", 1),
        entry("perpetrators.perpetrators", 7), entry("riskFactors", 2), entry("coordinator", 2));
  }

  @Test
  void appendix4_prevent_fieldsPerSection() {
    assertThat(counts(PACK.form(ReferralForm.PREVENT).orElseThrow())).containsExactly(
        entry("individual", 12), entry("concern", 1), entry("vulnerability", 1), entry("otherInformation", 1),
        entry("firstIdentifiedBy", 7), entry("referrer", 5), entry("preventContact", 6), entry("dates", 2),
        entry("safeguarding", 10), entry("employmentEducation", 4));
  }

  @Test
  void appendix3_safeguardRiskFactors_spellSafeguard() {
    Field f = PACK.form(ReferralForm.MACE).orElseThrow().field("riskFactors.safeguard").orElseThrow();
    assertThat(f.type()).isEqualTo(FieldType.MULTI_CHOICE);
    StringBuilder initials = new StringBuilder();
    f.options().forEach(o -> initials.append(o.label().charAt(0)));
    assertThat(initials.toString()).isEqualTo("SAFEGUARD");
  }

  @Test
  void appendix3_repeatableGroups_haveTheDocumentsLimits() {
    FormSchema mace = PACK.form(ReferralForm.MACE).orElseThrow();
    assertThat(mace.field("perpetrators.perpetrators").orElseThrow().maxItems()).hasValue(3);
    assertThat(mace.field("linkedSubjects.subjects").orElseThrow().maxItems()).hasValue(3);
    assertThat(mace.field("family.members").orElseThrow().maxItems()).hasValue(8);
    FormSchema marf = PACK.form(ReferralForm.MARF).orElseThrow();
    assertThat(marf.field("consent.parentSignatures").orElseThrow().maxItems()).hasValue(2);
  }

  @Test
  void appendix4_everyYesNoSafeguardingQuestion_hasADescribeRule() {
    FormSchema prevent = PACK.form(ReferralForm.PREVENT).orElseThrow();
    long questions = prevent.section("safeguarding").orElseThrow().fields().stream()
        .filter(f -> f.type() == FieldType.YES_NO).count();
    assertThat(questions).isEqualTo(5);
    assertThat(prevent.rules().stream().filter(r -> r.code().equals("prevent-describe"))).hasSize(5);
  }

  @Test
  void appendix1_earlyHelpRule_needsParentalConsent() {
    FormRule r = PACK.form(ReferralForm.MARF).orElseThrow().rules().stream()
        .filter(x -> x.code().equals("early-help-consent")).findFirst().orElseThrow();
    assertThat(r.when()).hasValue(Condition.equals("referralType.service", "EARLY_HELP"));
    assertThat(r.values()).containsExactly("VERBAL", "WRITTEN");
  }

  @Test
  void fieldIds_areUniqueAndStartWithTheirSection() {
    for (FormSchema form : PACK.forms()) {
      for (Section s : form.sections()) {
        assertThat(s.fields()).allSatisfy(f -> assertThat(f.id()).startsWith(s.id() + "."));
      }
    }
  }

  @Test
  void anotherPartnership_loadsItsOwnPack(@TempDir Path dir) throws IOException {
    write(dir, "forms.properties", "pack.policy = elsewhere\npack.document = Elsewhere Thresholds\npack.forms = ehr\n");
    write(dir, "ehr.tsv", String.join("\n",
        "form\tehr\t2.1\tEarly Help Request\tSection 5",
        "section\tchild\tThe child\t-",
        "field\tchild.name\tTEXT\trequired\tName\t-\tmaxLength=80\t-",
        "field\tchild.nhsNumber\tNHS_NUMBER\toptional\tNHS number\t-\t-\t-",
        "rule\tnhs-needed\tchild.nhsNumber\trequired\tchild.name present\tGive the NHS number.", ""));
    FormPack pack = Forms.load(dir);
    assertThat(pack.policyId()).isEqualTo("elsewhere");
    FormSchema ehr = pack.form("ehr").orElseThrow();
    assertThat(ehr.version()).isEqualTo("2.1");
    assertThat(ehr.field("child.name").orElseThrow().maxLength()).hasValue(80);
    assertThat(pack.form(ReferralForm.MARF)).isEmpty();
  }

  @Test
  void packFormat_errorsNameFileAndLine(@TempDir Path dir) throws IOException {
    write(dir, "forms.properties", "pack.policy = x\npack.document = X\npack.forms = f\n");
    write(dir, "f.tsv", "form\tf\t1\tF\tS\nsection\ts\tS\t-\nfield\ts.a\tNUMBER\trequired\tA\t-\t-\t-\n");
    assertThatThrownBy(() -> Forms.load(dir)).isInstanceOf(FormFormatException.class)
        .hasMessageContaining("f.tsv, line 3").hasMessageContaining("unknown field type");
    write(dir, "f.tsv", "form\tf\t1\tF\tS\nsection\ts\tS\t-\nfield\ts.a\tTEXT\trequired\tA\t-\t-\t-\n"
        + "rule\tr\ts.b\trequired\talways\tM\n");
    assertThatThrownBy(() -> Forms.load(dir)).isInstanceOf(FormFormatException.class)
        .hasMessageContaining("names no field");
    write(dir, "f.tsv", "form\tf\t1\tF\tS\nsection\ts\tS\t-\nfield\tother.a\tTEXT\trequired\tA\t-\t-\t-\n");
    assertThatThrownBy(() -> Forms.load(dir)).isInstanceOf(FormFormatException.class)
        .hasMessageContaining("line 2").hasMessageContaining("must start with the section id");
    Files.delete(dir.resolve("f.tsv"));
    assertThatThrownBy(() -> Forms.load(dir)).isInstanceOf(FormFormatException.class).hasMessageContaining("f.tsv: missing");
  }

  @Test
  void toString_showsIdsOnly() {
    FormSchema marf = PACK.form(ReferralForm.MARF).orElseThrow();
    assertThat(marf.toString()).isEqualTo("FormSchema[marf@1.0.0, 10 sections]");
    assertThat(List.of(marf.field("child.nhsNumber").orElseThrow()).toString()).contains("child.nhsNumber NHS_NUMBER");
  }

  private static void write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
