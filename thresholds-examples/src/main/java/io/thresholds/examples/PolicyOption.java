package io.thresholds.examples;

import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.policy.PolicyFormatException;
import io.thresholds.jackson.ThresholdsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --policy DIR|FILE|ID}: the policy a command uses instead of the embedded City of London
 * one. A directory is a policy pack (it may extend another), a file a {@code thresholds/policy@1}
 * JSON document, anything else the id of an embedded pack.
 */
final class PolicyOption {
  @Option(names = "--policy", paramLabel = "DIR|FILE|ID",
      description = "the policy: a policy pack directory, a thresholds/policy@1 JSON file, or an embedded pack"
          + " (city-of-london, early-help-hub); default: the embedded City of London policy")
  @Nullable String source;

  /**
   * @param fallback the command's default policy
   * @return the policy named by {@code --policy}, or the fallback
   * @throws UserException if it cannot be read
   */
  Policy resolve(Policy fallback) {
    return source == null ? fallback : load(source, InputStream.nullInputStream());
  }

  /**
   * @param source a pack directory, a policy JSON file ({@code -} for standard input) or an embedded id
   * @param stdin standard input
   * @return the policy
   * @throws UserException naming the file, line and rule of the first problem
   */
  static Policy load(String source, InputStream stdin) {
    Path path = null;
    if (!source.equals("-")) {
      try {
        path = Path.of(source);
      } catch (InvalidPathException e) {
        throw new UserException("cannot read policy " + source + ": not a valid path");
      }
    }
    try {
      if (path != null && Files.isDirectory(path)) {
        return Policies.load(path);
      }
      if (path != null && !Files.exists(path) && Policies.embeddedIds().contains(source)) {
        return Policies.embedded(source);
      }
    } catch (PolicyFormatException e) {
      throw new UserException("invalid policy pack " + source + ": " + e.getMessage());
    }
    if (path != null && !Files.exists(path)) {
      throw new UserException("cannot read policy " + source + ": no such file or directory, and not an embedded pack ("
          + String.join(", ", Policies.embeddedIds()) + ")");
    }
    Input input = Input.read(source, stdin, Input.Kind.POLICY);
    try {
      return ThresholdsJson.readPolicy(new StringReader(input.text));
    } catch (IOException e) {
      throw input.invalid(e);
    }
  }
}
