package io.thresholds.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.IndicatorFlag;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.policy.TierDefinition;
import io.thresholds.jackson.ThresholdsJson;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code thresholds indicators}: the policy's indicator catalogue. */
@Command(
    name = "indicators",
    mixinStandardHelpOptions = true,
    header = "List the indicator catalogue: codes, tiers, domains, citations.",
    // One element per paragraph: picocli wraps each to the usage help width (HelpLayoutTest).
    description = {
      "List the indicator catalogue of the City of London Thresholds of Need: each code with its"
          + " tier, domain, whom it may be about, its conditions and flags, and where the document says so."
          + " Use the codes in a referral's concerns.",
      ""
    })
final class IndicatorsCommand implements Callable<Integer> {
  private Policy policy;

  @picocli.CommandLine.Mixin PolicyOption policyOption = new PolicyOption();

  @Spec @Nullable CommandSpec spec;

  @Option(names = "--json", description = "print the catalogue as JSON")
  boolean json;

  @Option(names = "--tier", paramLabel = "N", description = "only the indicators of tier N (1 to 4)")
  @Nullable Integer tier;

  IndicatorsCommand(Policy policy) {
    this.policy = policy;
  }

  @Override
  public Integer call() {
    policy = policyOption.resolve(policy);
    CommandSpec spec = Objects.requireNonNull(this.spec);
    if (tier != null && (tier < 1 || tier > 4)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--tier must be 1, 2, 3 or 4");
    }
    List<Indicator> selected = policy.indicators().stream()
        .filter(i -> tier == null || i.tier().number() == tier)
        .collect(Collectors.toList());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(json(selected));
    } else {
      text(selected, out);
    }
    out.flush();
    return 0;
  }

  private void text(List<Indicator> selected, PrintWriter out) {
    out.println(policy.name());
    out.println(policy.documentTitle() + ": indicator catalogue (policy " + policy.id() + " "
        + policy.version() + "), " + selected.size() + " entries.");
    out.println("The indicators are examples, not an exhaustive list: professional judgement decides.");
    out.println();
    out.println("Tiers:");
    for (TierDefinition t : policy.tiers()) {
      out.println("  Tier " + t.tier().number() + "  " + t.name());
    }
    for (Map.Entry<String, String> domain : policy.domains().entrySet()) {
      for (Tier t : Tier.values()) {
        List<Indicator> cell = selected.stream()
            .filter(i -> i.domain().equals(domain.getKey()) && i.tier() == t)
            .collect(Collectors.toList());
        if (cell.isEmpty()) {
          continue;
        }
        out.println();
        out.println(domain.getValue() + " (" + domain.getKey() + "), Tier " + t.number() + " - "
            + policy.tier(t).name());
        for (Indicator i : cell) {
          out.println("  " + i.code() + (i.kind() == io.thresholds.core.policy.IndicatorKind.STRENGTH ? "  [strength]" : ""));
          out.println("      " + i.area() + ": " + i.label());
          out.println("      " + facts(i));
          out.println("      Source: " + i.citation().toText());
        }
      }
    }
  }

  private static String facts(Indicator i) {
    StringBuilder b = new StringBuilder("About: ").append(i.subjects().stream()
        .map(IndicatorsCommand::subject).collect(Collectors.joining(", ")));
    i.age().ifPresent(a -> b.append("; age ").append(a.toText()));
    if (i.preOrNonMobileOnly()) {
      b.append("; pre- or non-mobile child");
    }
    if (!i.flags().isEmpty()) {
      b.append("; flags: ").append(i.flags().stream().map(IndicatorsCommand::name)
          .collect(Collectors.joining(", ")));
    }
    i.escalatesTo().ifPresent(e -> b.append("; becomes ").append(e).append(" when its condition holds"));
    return b.toString();
  }

  private static String subject(SubjectKind s) {
    return name(s);
  }

  private String json(List<Indicator> selected) {
    ObjectMapper mapper = ThresholdsJson.newMapper();
    ObjectNode root = mapper.createObjectNode();
    ObjectNode p = root.putObject("policy");
    p.put("id", policy.id());
    p.put("version", policy.version());
    p.put("name", policy.name());
    p.put("document", policy.documentTitle());
    ArrayNode tiers = root.putArray("tiers");
    for (TierDefinition t : policy.tiers()) {
      tiers.addObject().put("tier", t.tier().number()).put("name", t.name());
    }
    ArrayNode domains = root.putArray("domains");
    policy.domains().forEach((code, name) -> domains.addObject().put("code", code).put("name", name));
    ArrayNode list = root.putArray("indicators");
    for (Indicator i : selected) {
      ObjectNode o = list.addObject();
      o.put("code", i.code().value());
      o.put("tier", i.tier().number());
      o.put("kind", name(i.kind()));
      o.put("domain", i.domain());
      o.put("area", i.area());
      o.put("label", i.label());
      ArrayNode subjects = o.putArray("subjects");
      i.subjects().forEach(s -> subjects.add(name(s)));
      i.age().ifPresent(a -> o.put("age", a.toText()));
      o.put("preOrNonMobileOnly", i.preOrNonMobileOnly());
      ArrayNode flags = o.putArray("flags");
      i.flags().forEach(f -> flags.add(name(f)));
      i.escalatesTo().ifPresent(e -> o.put("escalatesTo", e.value()));
      o.set("citation", mapper.valueToTree(i.citation()));
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same wire names as the JSON format: lower case with '-'. */
  private static String name(Enum<?> e) {
    return e == IndicatorFlag.S47 ? "s47" : e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
