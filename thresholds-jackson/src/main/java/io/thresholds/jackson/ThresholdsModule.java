package io.thresholds.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.thresholds.core.consent.Authoriser;
import io.thresholds.core.consent.ConsentCheck;
import io.thresholds.core.consent.ConsentForm;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentGuidance;
import io.thresholds.core.consent.ConsentHistory;
import io.thresholds.core.consent.ConsentRequirement;
import io.thresholds.core.consent.ConsentRule;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.consent.ConsentStatus;
import io.thresholds.core.consent.NotSoughtReason;
import io.thresholds.core.consent.SharedItem;
import io.thresholds.core.consent.SharingBasis;
import io.thresholds.core.consent.SharingRecord;
import io.thresholds.core.consent.GiverConsent;
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
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Mobility;
import io.thresholds.core.model.PersonalDetails;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.ReferrerRole;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SchoolAttendance;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.ActionRule;
import io.thresholds.core.policy.AgeCondition;
import io.thresholds.core.policy.Channel;
import io.thresholds.core.policy.Citation;
import io.thresholds.core.policy.ExclusionRule;
import io.thresholds.core.policy.Contact;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.IndicatorFlag;
import io.thresholds.core.policy.IndicatorKind;
import io.thresholds.core.policy.Modality;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.policy.TierDefinition;
import io.thresholds.core.policy.Timing;
import io.thresholds.core.policy.Trigger;
import io.thresholds.core.time.ServiceHours;
import io.thresholds.core.time.WorkingCalendar;
import io.thresholds.forms.prefill.PrefilledForm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The Jackson module of the thresholds JSON format: serializers and deserializers for {@link
 * Referral} ({@code thresholds/referral@1}), {@link Evaluation} ({@code thresholds/evaluation@1}),
 * {@link Policy} ({@code thresholds/policy@1}) and every value inside them, and {@link
 * PrefilledForm} ({@code thresholds/form@1}, a completed or prefilled form; see {@link
 * #FORM_SCHEMA_ATTRIBUTE}). Core and forms types carry no Jackson annotations; the (de)serializers are
 * hand-written so that the format is explicit, strict and independent of accessor naming.
 *
 * <p>Register it on a mapper of your own, or let {@link
 * com.fasterxml.jackson.databind.ObjectMapper#findAndRegisterModules()} find it (it is a {@code
 * java.util.ServiceLoader} provider); {@link ThresholdsJson#newMapper()} gives a hardened mapper
 * with it registered. Errors name the JSON path and rule and never quote personal values; keep
 * {@code StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION} disabled on your mapper (Jackson's default
 * before 2.16), or Jackson adds the start of the document to every error's location.
 *
 * <pre>{@code
 * ObjectMapper mapper = JsonMapper.builder().addModule(new ThresholdsModule())
 *     .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
 * Referral referral = mapper.readValue(json, Referral.class);
 * }</pre>
 */
public final class ThresholdsModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /**
   * The key of a reader attribute holding a {@link io.thresholds.core.policy.Policy}: when set,
   * every concern's indicator code is checked against that policy's catalogue while reading, and
   * an unknown code fails with its JSON path. Without it reading is policy-independent (the
   * evaluator reports unknown codes).
   *
   * <pre>{@code
   * mapper.readerFor(Referral.class)
   *     .withAttribute(ThresholdsModule.POLICY_ATTRIBUTE, Policies.cityOfLondon())
   *     .readValue(json);
   * }</pre>
   */
  public static final String POLICY_ATTRIBUTE = "io.thresholds.jackson.policy";

  /**
   * The key of a reader attribute holding the {@link io.thresholds.forms.FormSchema} of the form
   * being read: a {@code thresholds/form@1} document (read as a {@link PrefilledForm}) is read
   * against it, and must name that form and its version. Reading a form without it fails.
   *
   * <pre>{@code
   * mapper.readerFor(PrefilledForm.class)
   *     .withAttribute(ThresholdsModule.FORM_SCHEMA_ATTRIBUTE, Forms.cityOfLondon().form(ReferralForm.MARF).orElseThrow())
   *     .readValue(json);
   * }</pre>
   */
  public static final String FORM_SCHEMA_ATTRIBUTE = "io.thresholds.jackson.formSchema";

  /** Creates the module; it holds no state. */
  public ThresholdsModule() {
    super("thresholds");
    // Documents and the values inside them.
    value(Referral.class, ReferralCodec::referral, ReferralCodec::writeReferral);
    value(Referrer.class, ReferralCodec::referrer, ReferralCodec::writeReferrer);
    value(Household.class, ReferralCodec::household, ReferralCodec::writeHousehold);
    value(Child.class, ReferralCodec::child, ReferralCodec::writeChild);
    value(Adult.class, ReferralCodec::adult, ReferralCodec::writeAdult);
    value(PersonalDetails.class, ReferralCodec::personal, ReferralCodec::writePersonal);
    value(SchoolAttendance.class, ReferralCodec::school, ReferralCodec::writeSchool);
    value(Concern.class, ReferralCodec::concern, ReferralCodec::writeConcern);
    value(ConsentState.class, ReferralCodec::consent, ReferralCodec::writeConsent);
    value(ConsentHistory.class, ReferralCodec::consentHistory, ReferralCodec::writeConsentHistory);
    value(SharingRecord.class, ReferralCodec::sharing, ReferralCodec::writeSharing);
    value(GiverConsent.class, ReferralCodec::giverConsent, ReferralCodec::writeGiverConsent);
    value(io.thresholds.core.model.CaseHistory.class, ReferralCodec::caseHistory, ReferralCodec::writeCaseHistory);
    value(io.thresholds.core.model.PreviousReferral.class, ReferralCodec::previousReferral,
        ReferralCodec::writePreviousReferral);
    value(Evaluation.class, EvaluationCodec::evaluation, EvaluationCodec::writeEvaluation);
    value(ChildAssessment.class, EvaluationCodec::assessment, EvaluationCodec::writeAssessment);
    value(Age.class, EvaluationCodec::age, EvaluationCodec::writeAge);
    value(TierRange.class, EvaluationCodec::tierRange, EvaluationCodec::writeTierRange);
    value(Reason.class, EvaluationCodec::reason, EvaluationCodec::writeReason);
    value(Action.class, EvaluationCodec::action, EvaluationCodec::writeAction);
    value(Contact.class, EvaluationCodec::contact, EvaluationCodec::writeContact);
    value(Deadline.class, EvaluationCodec::deadline, EvaluationCodec::writeDeadline);
    value(ConsentGuidance.class, EvaluationCodec::guidance, EvaluationCodec::writeGuidance);
    value(Citation.class, EvaluationCodec::citation, EvaluationCodec::writeCitation);
    value(Exclusion.class, EvaluationCodec::exclusion, EvaluationCodec::writeExclusion);
    value(Policy.class, PolicyCodec::policy, PolicyCodec::writePolicy);
    value(TierDefinition.class, PolicyCodec::tierDefinition, PolicyCodec::writeTierDefinition);
    value(Indicator.class, PolicyCodec::indicator, PolicyCodec::writeIndicator);
    value(AgeCondition.class, PolicyCodec::ageCondition, PolicyCodec::writeAgeCondition);
    value(ConsentRule.class, PolicyCodec::consentRule, PolicyCodec::writeConsentRule);
    value(ExclusionRule.class, PolicyCodec::exclusionRule, PolicyCodec::writeExclusionRule);
    value(ActionRule.class, PolicyCodec::actionRule, PolicyCodec::writeActionRule);
    value(Trigger.class, PolicyCodec::trigger, PolicyCodec::writeTrigger);
    value(Timing.class, PolicyCodec::timing, PolicyCodec::writeTiming);
    value(WorkingCalendar.class, PolicyCodec::calendar, PolicyCodec::writeCalendar);
    value(ServiceHours.class, PolicyCodec::serviceHours, PolicyCodec::writeServiceHours);
    if (FORMS) {
      forms();
    }
    // Scalars: references and codes as strings, tiers as numbers, enums by wire name.
    value(Ref.class, In::ref, (r, g) -> g.writeString(r.value()));
    value(IndicatorCode.class, In::code, (c, g) -> g.writeString(c.value()));
    value(Tier.class, In::tier, (t, g) -> g.writeNumber(t.number()));
    enumeration(AgencyType.class);
    enumeration(ReferrerRole.class);
    enumeration(Relationship.class);
    enumeration(Mobility.class);
    enumeration(SubjectKind.class);
    enumeration(ConsentStatus.class);
    enumeration(ConsentGiver.class);
    enumeration(ConsentForm.class);
    enumeration(NotSoughtReason.class);
    enumeration(Authoriser.class);
    enumeration(SharedItem.class);
    enumeration(SharingBasis.class);
    enumeration(ConsentRequirement.class);
    enumeration(ConsentCheck.class);
    enumeration(Scope.class);
    enumeration(ReasonKind.class);
    enumeration(ActionKind.class);
    enumeration(Modality.class);
    enumeration(Channel.class);
    enumeration(IndicatorKind.class);
    enumeration(IndicatorFlag.class);
    enumeration(Trigger.Kind.class);
    enumeration(io.thresholds.core.evaluation.AgeBasis.class);
    enumeration(io.thresholds.core.evaluation.OpenFact.class);
    enumeration(Timing.Kind.class);
    enumeration(ActionRule.Gate.class);
    enumeration(io.thresholds.core.model.OpenPlan.class);
    enumeration(io.thresholds.core.model.AllocatedWorker.class);
    enumeration(io.thresholds.core.model.ReferralOutcome.class);
    enumeration(io.thresholds.core.model.ProtectiveFact.class);
  }

  /** The property names of an object of the format, or an empty list for other types. */
  static List<String> knownNames(Class<?> type) {
    List<String> names = ReferralCodec.knownNames(type);
    if (names.isEmpty()) {
      names = EvaluationCodec.knownNames(type);
    }
    if (names.isEmpty()) {
      names = PolicyCodec.knownNames(type);
    }
    if (names.isEmpty() && FORMS) {
      names = FormCodec.knownNames(type);
    }
    return names;
  }

  /**
   * Whether thresholds-forms is present: it is an optional dependency of this module (a service
   * that reads only referrals and evaluations needs neither the forms nor Hibernate Validator). The
   * form codec is registered only when it is; the classes of thresholds-forms are never loaded
   * otherwise.
   */
  static final boolean FORMS = formsPresent();

  private static boolean formsPresent() {
    try {
      Class<?> form = Class.forName("io.thresholds.forms.prefill.PrefilledForm", false,
          ThresholdsModule.class.getClassLoader());
      return ThresholdsModule.class.getModule().canRead(form.getModule());
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Kept apart so that the form types are resolved only when thresholds-forms is present. */
  private void forms() {
    value(PrefilledForm.class, FormCodec::form, FormCodec::writeForm);
  }

  private <E extends Enum<E>> void enumeration(Class<E> type) {
    value(type, in -> in.enumeration(type), (e, g) -> g.writeString(Names.of(e)));
  }

  private <T> void value(Class<T> type, In.Value<T> reader, Writer<T> writer) {
    addDeserializer(type, new Deserializer<>(type, reader));
    addSerializer(type, new Serializer<>(type, writer));
  }

  /** Writes one value. */
  @FunctionalInterface
  interface Writer<T> {
    void write(T value, JsonGenerator g) throws IOException;
  }

  private static final class Deserializer<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient In.Value<T> reader;

    Deserializer(Class<T> type, In.Value<T> reader) {
      super(type);
      this.reader = reader;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return reader.read(new In(p, ctxt));
    }

    @Override
    public Collection<Object> getKnownPropertyNames() {
      return new ArrayList<>(knownNames(handledType()));
    }
  }

  private static final class Serializer<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient Writer<T> writer;

    Serializer(Class<T> type, Writer<T> writer) {
      super(type);
      this.writer = writer;
    }

    @Override
    public void serialize(T value, JsonGenerator g, SerializerProvider provider) throws IOException {
      writer.write(value, g);
    }
  }
}
