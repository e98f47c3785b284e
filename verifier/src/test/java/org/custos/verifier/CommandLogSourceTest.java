package org.custos.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --against DIR}: the log of a local instance through {@code custos log …}, played by a
 * script that prints answers a real {@link FakeLog} computed, and records how it was called.
 */
class CommandLogSourceTest {
  static final String SCRIPT = String.join("\n",
      "#!/usr/bin/env bash",
      "d=\"$(cd \"$(dirname \"$0\")\" && pwd)\"",
      "printf '%s\\n' \"$*\" >> \"$d/calls\"",
      "case \"$2\" in",
      "  checkpoint) cat \"$d/checkpoint.txt\" ;;",
      "  consistency) cat \"$d/consistency-$6-$8.json\" ;;",
      "  successors) cat \"$d/successors-$8.json\" ;;",
      "  *) echo \"custos: unknown log command $2\" >&2; exit 9 ;;",
      "esac",
      "");

  @TempDir
  Path dir;
  Path home;
  Path custos;
  FakeLog log;
  String receipt;

  @BeforeEach
  void instance() throws Exception {
    home = Files.createDirectory(dir.resolve("home"));
    custos = dir.resolve("custos");
    Files.writeString(custos, SCRIPT);
    Files.setPosixFilePermissions(custos, PosixFilePermissions.fromString("rwx------"));
    log = new FakeLog("custos.test/log", 0);
    log.stored("pk-a", "2.25.1", 1, FakeLog.pixel("a"));
    log.access("pk-b", "SEARCH");
    receipt = log.receiptJson("pk-a", 2);
    log.stored("pk-a", "2.25.1", 2, FakeLog.pixel("a, edited"));
    Files.writeString(dir.resolve("checkpoint.txt"), log.checkpoint(3));
    Files.writeString(dir.resolve("consistency-2-3.json"), log.consistencyJson(2, 3));
    Files.writeString(dir.resolve("successors-3.json"), log.successorsJson(log.leaf(0).entryHash(), 3));
  }

  private Run verify(Map<String, String> env, String... options) throws Exception {
    Path file = dir.resolve("receipt.json");
    Files.writeString(file, receipt);
    List<String> args = new java.util.ArrayList<>(List.of(file.toString(), "--log-key", log.key.verifierKey(),
        "--against", home.toString()));
    args.addAll(List.of(options));
    return Run.of(env, args.toArray(String[]::new));
  }

  @Test
  void theInstancesLog_isAskedThroughTheCommand_withTheDocumentedArguments() throws Exception {
    Run run = verify(Map.of(), "--custos", custos.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("asked " + home + " (via " + custos + "): current size 3")
        .contains("2.25.1: altered: version 2 stored ").contains("(pixel seal changed)");
    String hash = Base64.getEncoder().encodeToString(log.leaf(0).entryHash());
    assertThat(Files.readAllLines(dir.resolve("calls"))).containsExactly(
        "log checkpoint --home " + home,
        "log consistency --home " + home + " --from 2 --to 3",
        "log successors --home " + home + " --entry-hash " + hash + " --size 3");
  }

  @Test
  void theCommand_comesFromCustosCommand_whenNotGiven() throws Exception {
    Run run = verify(Map.of("CUSTOS_COMMAND", custos.toString()));

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(CommandLogSource.resolveCommand(Optional.empty(), Map.of())).isEqualTo("custos");
    assertThat(CommandLogSource.resolveCommand(Optional.of("/x/custos"), Map.of("CUSTOS_COMMAND", "/y"))).isEqualTo("/x/custos");
  }

  @Test
  void aFailingOrMissingCommand_makesTheLogUnreachable() throws Exception {
    Files.delete(dir.resolve("checkpoint.txt"));

    Run failing = verify(Map.of(), "--custos", custos.toString());
    Run missing = verify(Map.of(), "--custos", dir.resolve("no-such-custos").toString());

    assertThat(failing.exitCode()).isEqualTo(3);
    assertThat(failing.out()).contains("UNREACHABLE  custos log checkpoint exited with 1: cat: ");
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.out()).contains("UNREACHABLE  could not run " + dir.resolve("no-such-custos"));
  }

  @Test
  void aMalformedAnswer_isAVerificationFailure() throws Exception {
    Files.writeString(dir.resolve("successors-3.json"), "{\"size\":3,\"entries\":[{\"index\":1}]}");

    Run run = verify(Map.of(), "--custos", custos.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.failures()).containsExactly("the log's successors answer is malformed: $.entries[0].salt: missing");
  }
}
