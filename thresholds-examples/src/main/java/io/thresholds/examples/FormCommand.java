package io.thresholds.examples;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.Policy;
import io.thresholds.forms.FormData;
import io.thresholds.forms.FormPack;
import io.thresholds.forms.FormSchema;
import io.thresholds.forms.ReferralForm;
import io.thresholds.forms.jsonschema.JsonSchemaExporter;
import io.thresholds.forms.prefill.FormPrefiller;
import io.thresholds.forms.prefill.PrefilledForm;
import io.thresholds.forms.validation.FormValidator;
import io.thresholds.forms.validation.RuleCodes;
import io.thresholds.forms.validation.Violation;
import io.thresholds.jackson.ThresholdsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code thresholds form}: the referral forms of the City of London (MARF, MACE, Prevent) as JSON
 * Schema, prefilled from a referral, or a completed one checked.
 *
 * <p>A completed form is one JSON object of answers by field id, the shape of {@link FormData}:
 * {@code {"referralType.service": "EARLY_HELP", "household.members": [{"surname": ...}]}}. It is
 * what {@code --prefill} prints, what {@code --schema} describes and what {@code --validate} reads.
 */
@Command(
    name = "form",
    mixinStandardHelpOptions = true,
    header = "The referral forms (MARF, MACE, Prevent): JSON Schema, prefill, validate.",
    description = {
      "Work with a referral form of the City of London Thresholds of Need: marf (Appendix 1,"
          + " Multi-Agency Referral Form), mace (Appendix 3, child exploitation) or prevent"
          + " (Appendix 4).",
      "",
      "A completed form is a JSON object of answers by field id: --schema describes it,"
          + " --prefill drafts it from a referral and --validate checks it.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done (--validate: the form is valid)",
      "1:invalid input; --validate: the form has problems; --prefill: the advice does not call for the form",
      "2:usage error"
    })
final class FormCommand implements Callable<Integer> {
  private Policy policy;

  @picocli.CommandLine.Mixin PolicyOption policyOption = new PolicyOption();
  private final FormPack pack;
  private final InputStream stdin;
  private final Clock clock;

  @Spec @Nullable CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FORM", converter = FormConverter.class,
      description = "marf, mace or prevent")
  @Nullable ReferralForm form;

  @ArgGroup(exclusive = true, multiplicity = "1")
  @Nullable Mode mode;

  /** What to do: exactly one. */
  static final class Mode {
    @Option(names = "--schema", required = true,
        description = "print the form's JSON Schema (draft 2020-12) of a completed form")
    boolean schema;

    @Option(names = "--prefill", paramLabel = "REFERRAL", required = true,
        description = "draft the form from a referral (a thresholds/referral@1 file, or - for"
            + " standard input) evaluated as at its madeAt: prints the answers as JSON and, on"
            + " standard error (on standard output with --out), what is left for the professional")
    @Nullable String prefill;

    @Option(names = "--validate", paramLabel = "FILE", required = true,
        description = "check a completed form (a JSON object of answers by field id, or - for standard input)")
    @Nullable String validate;
  }

  @Option(names = "--child", paramLabel = "REF",
      description = "with --prefill: the referred child the form is for (default: the first the advice calls for the form for)")
  @Nullable String child;

  @Option(names = "--force",
      description = "with --prefill: draft the form even if the advice does not call for it")
  boolean force;

  @Option(names = "--out", paramLabel = "FILE",
      description = "with --prefill or --schema: write the JSON to FILE instead of standard output (-: standard output)")
  @Nullable Path out;

  @Option(names = "--today", paramLabel = "DATE", converter = DateConverter.class,
      description = "with --validate: the day the form is checked on (YYYY-MM-DD; later dates are in the future); default: today in London")
  @Nullable LocalDate today;

  @Option(names = "--json", description = "with --validate: print the result as JSON")
  boolean json;

  FormCommand(Policy policy, FormPack pack, InputStream stdin, Clock clock) {
    this.policy = policy;
    this.pack = pack;
    this.stdin = stdin;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    out = Output.dash(out);
    policy = policyOption.resolve(policy);
    CommandSpec spec = Objects.requireNonNull(this.spec);
    if (!policy.id().equals(pack.policyId())) {
      // A pack without forms of its own (e.g. early-help-hub: its page names the EHA but gives no form).
      spec.commandLine().getErr().println("thresholds form: note: policy " + policy.id() + " has no forms of its own;"
          + " these are the " + pack.policyId() + " forms, filled from " + policy.id() + "'s advice.");
    }
    Mode mode = Objects.requireNonNull(this.mode);
    ReferralForm form = Objects.requireNonNull(this.form);
    FormSchema schema = pack.form(form).orElseThrow(() -> new IllegalStateException("no form " + form.id()));
    if (mode.prefill == null && (child != null || force)) {
      throw usage(spec, (child != null ? "--child" : "--force") + " goes with --prefill");
    }
    if (mode.validate == null && (today != null || json)) {
      throw usage(spec, (today != null ? "--today" : "--json") + " goes with --validate");
    }
    if (mode.validate != null && out != null) {
      throw usage(spec, "--out goes with --prefill or --schema");
    }
    // --prefill R --out R replaced the referral with the form
    if (Output.isSameFile(mode.prefill, out)) {
      throw usage(spec, "--out is the referral file: give another file");
    }
    if (Output.isSameFile(policyOption.source, out)) {
      throw usage(spec, "--out is the policy file: give another file");
    }
    if (mode.schema) {
      write(spec, JsonSchemaExporter.export(schema));
      if (out != null) {
        spec.commandLine().getOut().println("thresholds form " + form.id() + ": wrote the JSON Schema to " + out);
      }
      spec.commandLine().getOut().flush();
      return 0;
    }
    if (mode.prefill != null) {
      return prefill(spec, form, mode.prefill);
    }
    return validate(spec, schema, Objects.requireNonNull(mode.validate));
  }

  // ---- --prefill --------------------------------------------------------------------------------

  private int prefill(CommandSpec spec, ReferralForm form, String file) {
    Input input = Input.read(file, stdin, Input.Kind.REFERRAL);
    Referral referral = EvaluateCommand.readReferral(input, policy);
    Evaluation evaluation = EvaluateCommand.evaluate(input, policy, referral, referral.madeAt());
    List<Ref> calling = evaluation.children().stream()
        .filter(a -> ReferralForm.calledFor(a).contains(form))
        .map(ChildAssessment::child)
        .collect(Collectors.toList());
    Ref target = target(spec, input, form, evaluation, calling);
    boolean calledFor = calling.contains(target);
    PrefilledForm prefilled = FormPrefiller.of(policy, pack).prefill(form, referral, evaluation, target);
    write(spec, json(prefilled.data().values()));

    // What is left, for the professional: on standard error unless the form went to a file.
    PrintWriter notes = out == null ? spec.commandLine().getErr() : spec.commandLine().getOut();
    ChildAssessment a = evaluation.child(target).orElseThrow();
    notes.println("thresholds form " + form.id() + ": a draft " + form.title() + " for child " + target
        + " of referral " + referral.ref() + " ("
        + a.tierRange().map(Object::toString).orElse("outside the children's thresholds") + "; "
        + (calledFor ? "the advice calls for it" : "prefilled with --force: the advice does not call for it")
        + ")" + (out == null ? "" : ", written to " + out) + ".");
    notes.println("It is a draft: check every answer; a professional decides whether and what to refer.");
    for (Action action : a.actions()) {
      if (calls(form, action.kind())) {
        notes.println("The advice: " + action.modality() + ": " + action.description()
            + (action.ready() ? "" : sentence(" Waiting for: " + String.join("; ", action.blockers()))));
      }
    }
    if (!prefilled.notes().isEmpty()) {
      notes.println("To do:");
      prefilled.notes().forEach(n -> notes.println("  - " + n));
    }
    List<Violation> left;
    try (FormValidator validator = FormValidator.create()) {
      left = validator.validate(prefilled.schema(), prefilled.data(), referral.madeAt().atZone(policy.zone()).toLocalDate());
    }
    List<String> unanswered = left.stream().filter(v -> v.code().equals(RuleCodes.REQUIRED))
        .map(Violation::field).collect(Collectors.toList());
    if (!unanswered.isEmpty()) {
      notes.println("Required and not yet answered (" + unanswered.size() + "): " + String.join(", ", unanswered));
    }
    left.stream().filter(v -> !v.code().equals(RuleCodes.REQUIRED))
        .forEach(v -> notes.println("Check " + v.field() + " (" + v.code() + "): " + v.message()));
    calling.stream().filter(c -> !c.equals(target)).forEach(c ->
        notes.println("The advice also calls for this form for child " + c + ": run with --child " + c + "."));
    notes.println("Then check the completed form: thresholds form " + form.id() + " --validate FILE");
    notes.flush();
    spec.commandLine().getOut().flush();
    return 0;
  }

  private Ref target(CommandSpec spec, Input input, ReferralForm form, Evaluation evaluation, List<Ref> calling) {
    String referred = evaluation.children().stream().map(a -> a.child().toString()).collect(Collectors.joining(", "));
    if (child != null) {
      Ref ref;
      try {
        ref = Ref.of(child);
      } catch (RuntimeException e) {
        throw usage(spec, "--child " + child + " is not a reference");
      }
      if (evaluation.child(ref).isEmpty()) {
        throw new UserException(input.name + ": child " + ref + " is not referred (referred: " + referred + ")");
      }
      if (!calling.contains(ref) && !force) {
        throw notCalledFor(input, form, evaluation.child(ref).orElseThrow());
      }
      return ref;
    }
    if (!calling.isEmpty()) {
      return calling.get(0);
    }
    if (evaluation.children().isEmpty()) {
      throw new UserException(input.name + ": the referral refers no child");
    }
    if (!force) {
      throw notCalledFor(input, form, evaluation.children().get(0));
    }
    return evaluation.children().get(0).child();
  }

  private static String sentence(String text) {
    return text.endsWith(".") ? text : text + ".";
  }

  /** The action kinds for which {@link ReferralForm#calledFor} names the form. */
  private static boolean calls(ReferralForm form, ActionKind kind) {
    switch (form) {
      case MARF:
        return kind == ActionKind.WRITTEN_REFERRAL || kind == ActionKind.EARLY_HELP_REFERRAL
            || kind == ActionKind.MACE_REFERRAL;
      case MACE:
        return kind == ActionKind.MACE_REFERRAL;
      default:
        return kind == ActionKind.PREVENT_REFERRAL;
    }
  }

  private static UserException notCalledFor(Input input, ReferralForm form, ChildAssessment a) {
    String advised;
    switch (form) {
      case MARF:
        advised = "no written, early help or MACE referral is advised";
        break;
      case MACE:
        advised = "no MACE referral is advised";
        break;
      default:
        advised = "no Prevent referral is advised";
        break;
    }
    return new UserException(input.name + ": the advice for child " + a.child() + " ("
        + a.tierRange().map(Object::toString).orElse("outside the children's thresholds")
        + ") does not call for the " + form.id() + " form: " + advised
        + " (see thresholds evaluate); use --force to draft it anyway, a professional decides");
  }

  // ---- --validate -------------------------------------------------------------------------------

  private int validate(CommandSpec spec, FormSchema schema, String file) {
    Input input = Input.read(file, stdin, Input.Kind.FORM);
    FormData data = FormData.of(answers(input, schema));
    LocalDate day = today != null ? today : LocalDate.now(clock.withZone(policy.zone()));
    List<Violation> violations;
    try (FormValidator validator = FormValidator.create()) {
      violations = validator.validate(schema, data, day);
    }
    PrintWriter o = spec.commandLine().getOut();
    // Every path's line in one pass over the document (linear in its size, whatever the number of
    // violations), looked up for each violation.
    Map<String, JsonLocation> lines = violations.isEmpty() ? Map.of() : JsonLines.index(input.text);
    if (json) {
      ObjectMapper mapper = ThresholdsJson.newMapper();
      ObjectNode root = mapper.createObjectNode();
      root.put("form", schema.id()).put("formVersion", schema.version()).put("checkedOn", day.toString())
          .put("valid", violations.isEmpty());
      ArrayNode list = root.putArray("violations");
      for (Violation v : violations) {
        ObjectNode n = list.addObject().put("field", v.field()).put("code", v.code()).put("message", v.message());
        line(lines, v).ifPresent(l -> n.put("line", l));
      }
      o.println(json(root));
    } else if (violations.isEmpty()) {
      o.println(input.name + ": a valid " + schema.id() + " form (" + schema.title() + ", version "
          + schema.version() + "), " + data.fieldIds().size() + " answers, checked on " + day + ".");
    } else {
      o.println(input.name + ": " + violations.size() + (violations.size() == 1 ? " problem" : " problems")
          + " in the " + schema.id() + " form (checked on " + day + "):");
      for (Violation v : violations) {
        o.println("  " + v.field() + line(lines, v).map(l -> " (line " + l + ")").orElse("") + ": "
            + v.code() + ": " + v.message());
      }
    }
    o.flush();
    return violations.isEmpty() ? 0 : ThresholdsCommand.INVALID_INPUT;
  }

  /** The answers of a completed form; Jackson's own messages are left out, as they may quote input. */
  private static LinkedHashMap<String, @Nullable Object> answers(Input input, FormSchema schema) {
    ObjectMapper mapper = ThresholdsJson.newMapper();
    JsonNode tree;
    try {
      tree = mapper.readTree(input.text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new UserException(input.name + " is not valid JSON (" + Input.where(at) + ")"
          + (e.getOriginalMessage().contains("Duplicate field") ? ": a field id is given twice" : ""));
    }
    if (tree == null || !tree.isObject()) {
      throw new UserException(input.name + ": expected a JSON object of answers by field id (see thresholds form "
          + schema.id() + " --schema), not " + (tree == null ? "nothing" : tree.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    try {
      return mapper.convertValue(tree, new TypeReference<LinkedHashMap<String, @Nullable Object>>() {});
    } catch (IllegalArgumentException e) {
      throw new UserException(input.name + ": cannot read the answers");
    }
  }

  private static Optional<Integer> line(Map<String, JsonLocation> lines, Violation v) {
    return Optional.ofNullable(lines.get(v.field())).map(JsonLocation::getLineNr).filter(l -> l > 0);
  }

  // ---- output -----------------------------------------------------------------------------------

  private void write(CommandSpec spec, String text) {
    try (Writer w = Output.open(out, spec.commandLine().getOut())) {
      w.write(text.endsWith("\n") ? text : text + "\n");
      Output.check(w);
    } catch (IOException e) {
      throw new UserException("cannot write " + Output.name(out) + ": " + Output.why(out, e));
    }
  }

  private static String json(Object value) {
    try {
      return ThresholdsJson.newMapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CommandLine.ParameterException usage(CommandSpec spec, String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /** Form ids as typed: {@code marf}, {@code mace}, {@code prevent} (any case). */
  static final class FormConverter implements CommandLine.ITypeConverter<ReferralForm> {
    @Override
    public ReferralForm convert(String value) {
      for (ReferralForm f : ReferralForm.values()) {
        if (f.id().equalsIgnoreCase(value)) {
          return f;
        }
      }
      throw new CommandLine.TypeConversionException("'" + value + "' is not a form: use marf, mace or prevent");
    }
  }

  /** {@code YYYY-MM-DD}; a failure is a usage error. */
  static final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a date (YYYY-MM-DD)");
      }
    }
  }
}
