package org.custos.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.ledger.Checkpoint;
import org.custos.ledger.ConsistencyProof;
import org.custos.ledger.NoteKey;
import org.custos.ledger.NoteKeyPair;
import org.custos.ledger.NoteSignature;
import org.custos.ledger.ProofVerifier;
import org.custos.ledger.SignedNote;
import org.custos.ledger.receipt.LogFormatException;

/**
 * An independent witness (DESIGN.md T3/T8): it polls a log's signed checkpoint, checks it is signed
 * by the log key it was given, and that it is a consistent extension (RFC 9162 consistency proof)
 * of the last checkpoint it cosigned; then it cosigns (C2SP tlog-cosignature/v1) and hands the
 * cosignature to the log. A smaller tree, or another root at the same size, or a failing proof is
 * an ALARM: the log was rolled back or forked, and the witness cosigns nothing until a human looks.
 *
 * <p>State, in its own folder: {@code witness.key} (PKCS#8, owner-only), {@code witness.vkey}, and
 * per log origin the last checkpoint it cosigned ({@code logs/<sha256(origin)>.checkpoint}).
 */
public final class Witness {
  /** What one poll found. */
  enum Outcome { COSIGNED, UNCHANGED, ALARM }

  private final NoteKeyPair key;
  private final NoteKey logKey;
  private final LogSource source;
  private final Path state;
  private final Clock clock;
  private final PrintStream out;

  Witness(NoteKeyPair key, NoteKey logKey, LogSource source, Path state, Clock clock, PrintStream out) {
    this.key = key;
    this.logKey = logKey;
    this.source = source;
    this.state = state;
    this.clock = clock;
    this.out = out;
  }

  /** Creates the witness key in {@code state}; returns its verifier key (for the log's log.witnesses). */
  static String init(Path state, String name) throws IOException {
    Files.createDirectories(state);
    Path keyFile = state.resolve("witness.key");
    if (Files.exists(keyFile)) {
      throw new UsageException(keyFile + " exists: this folder already holds a witness");
    }
    NoteKeyPair pair = NoteKeyPair.generateWitnessKey(name);
    Path temp = state.resolve("witness.key.tmp");
    Files.write(temp, pair.privateKeyPkcs8());
    try {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the folder's own permissions must protect the key
    }
    Files.move(temp, keyFile, StandardCopyOption.ATOMIC_MOVE);
    Files.writeString(state.resolve("witness.vkey"), pair.verifierKey() + "\n", StandardCharsets.UTF_8);
    return pair.verifierKey();
  }

  static NoteKeyPair load(Path state) throws IOException {
    Path keyFile = state.resolve("witness.key");
    if (!Files.exists(keyFile)) {
      throw new UsageException("no witness key in " + state + ": run `witness init --state " + state + " --name NAME`");
    }
    String vkey = Files.readString(state.resolve("witness.vkey"), StandardCharsets.UTF_8).strip();
    String name = vkey.substring(0, vkey.indexOf('+'));
    return NoteKeyPair.witnessKey(name, Files.readAllBytes(keyFile));
  }

  /** One poll. */
  Outcome poll() throws IOException {
    String note = source.checkpoint();
    SignedNote signed;
    Checkpoint now;
    try {
      signed = SignedNote.parse(note);
      now = Checkpoint.parse(signed.text());
    } catch (IllegalArgumentException e) {
      return alarm("the log's checkpoint does not parse: " + e.getMessage());
    }
    if (!now.origin().equals(logKey.name())) {
      return alarm("the checkpoint is of log '" + now.origin() + "', the witness follows '" + logKey.name() + "'");
    }
    if (!signed.verifiedBy(logKey)) {
      return alarm("the checkpoint of size " + now.size() + " is not signed by the log key " + logKey.verifierKey());
    }
    Optional<Checkpoint> last = lastCosigned(now.origin());
    if (last.isPresent()) {
      Checkpoint then = last.get();
      if (now.size() < then.size()) {
        return alarm("log rolled back: it now has " + now.size() + " leaves, but this witness cosigned "
            + then.size() + " (root " + hex(then.rootHash()) + ")");
      }
      if (now.size() == then.size()) {
        if (!MessageDigest.isEqual(now.rootHash(), then.rootHash())) {
          return alarm("log forked: another root at the size " + now.size() + " this witness cosigned");
        }
      } else if (!consistent(then, now)) {
        return alarm("log forked: the tree of " + now.size() + " leaves is not an extension of the " + then.size()
            + " this witness cosigned");
      }
    }
    if (alreadyCosigned(signed)) {
      remember(now.origin(), signed.text());
      out.println("unchanged: " + now.origin() + " size " + now.size() + " already carries this witness's cosignature");
      return Outcome.UNCHANGED;
    }
    List<NoteSignature> signatures = new ArrayList<>(signed.signatures());
    signatures.add(key.cosign(signed.text(), clock.instant().getEpochSecond()));
    String answer = source.cosign(new SignedNote(signed.text(), signatures).encode());
    remember(now.origin(), signed.text());
    out.println("cosigned: " + now.origin() + " size " + now.size() + " root " + hex(now.rootHash()) + " ("
        + answer.strip() + ")");
    return Outcome.COSIGNED;
  }

  private boolean consistent(Checkpoint then, Checkpoint now) {
    if (then.size() == 0) {
      return true;
    }
    ConsistencyProof proof;
    try {
      proof = source.consistency(then.size(), now.size()).proof();
    } catch (LogFormatException e) {
      return false;
    }
    return proof.firstSize() == then.size() && proof.secondSize() == now.size()
        && ProofVerifier.verifyConsistency(proof, then.rootHash(), now.rootHash());
  }

  private boolean alreadyCosigned(SignedNote note) {
    return note.signatures().stream().anyMatch(s -> key.witnessKey().names(s)
        && org.custos.ledger.Cosignature.verify(key.witnessKey(), note.text(), s).isPresent());
  }

  private Outcome alarm(String why) {
    out.println("ALARM: " + why);
    return Outcome.ALARM;
  }

  private Optional<Checkpoint> lastCosigned(String origin) throws IOException {
    Path file = stateFile(origin);
    return Files.exists(file) ? Optional.of(Checkpoint.parse(Files.readString(file, StandardCharsets.UTF_8)))
        : Optional.empty();
  }

  private void remember(String origin, String checkpointText) throws IOException {
    Path file = stateFile(origin);
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temp, checkpointText, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private Path stateFile(String origin) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8));
      return state.resolve("logs").resolve(HexFormat.of().formatHex(digest) + ".checkpoint");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java platform lacks SHA-256", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static LogSource source(String log, Optional<String> fingerprint, Optional<String> custos, Map<String, String> env) {
    return LogSources.open("--log", log, fingerprint, custos, env);
  }
}
