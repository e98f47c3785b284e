package org.custos.server.dicomweb.stow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custos.dicom.DataSet;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;
import org.custos.dicom.json.DicomJsonWriter;
import org.custos.dicom.json.JsonOptions;

/**
 * The Store Instances Response Module (PS3.18 Annex I) for a request's outcomes, its HTTP status
 * (PS3.18 10.5.3.1: 200 all stored without warnings, 202 some stored with failures or warnings,
 * 409 none stored) and one {@code Warning} header line per failure or warning (PS3.18 10.5.3.2
 * recommends a DICOM status code and a reason there). Retrieve URLs are absolute, under
 * {@code baseUrl + "/dicom-web"}.
 */
final class StoreResponse {
  static final String MEDIA_TYPE = "application/dicom+json";
  private static final int MAX_WARNING_HEADERS = 50;

  private final List<InstanceOutcome> outcomes;
  private final String dicomWebRoot;
  private final Optional<String> targetStudy;

  StoreResponse(List<InstanceOutcome> outcomes, String baseUrl, Optional<String> targetStudy) {
    this.outcomes = List.copyOf(outcomes);
    this.dicomWebRoot = baseUrl + "/dicom-web";
    this.targetStudy = targetStudy;
  }

  int status() {
    long stored = outcomes.stream().filter(o -> o instanceof InstanceOutcome.Stored).count();
    boolean warnings = outcomes.stream().anyMatch(o -> o instanceof InstanceOutcome.Stored s && s.warning().isPresent());
    if (stored == 0) {
      return 409;
    }
    return stored == outcomes.size() && !warnings ? 200 : 202;
  }

  DataSet dataSet() {
    List<DataSet> referenced = new ArrayList<>();
    List<DataSet> failed = new ArrayList<>();
    List<DataSet> other = new ArrayList<>();
    Set<String> studies = new LinkedHashSet<>();
    for (InstanceOutcome outcome : outcomes) {
      if (outcome instanceof InstanceOutcome.Stored s) {
        studies.add(s.uids().studyInstanceUid());
        DataSet.Builder item = DataSet.builder()
            .addText(Tags.ReferencedSOPClassUID, Vr.UI, s.uids().sopClassUid())
            .addText(Tags.ReferencedSOPInstanceUID, Vr.UI, s.uids().sopInstanceUid())
            .addText(Tags.RetrieveURL, Vr.UR, dicomWebRoot + "/studies/" + s.uids().studyInstanceUid() + "/series/"
                + s.uids().seriesInstanceUid() + "/instances/" + s.uids().sopInstanceUid());
        s.warning().ifPresent(w -> item.add(Tags.WarningReason, Vr.US, us(w.code())));
        referenced.add(item.build());
      } else {
        InstanceOutcome.Failed f = (InstanceOutcome.Failed) outcome;
        if (f.uids().isPresent()) {
          failed.add(DataSet.builder()
              .addText(Tags.ReferencedSOPClassUID, Vr.UI, f.uids().get().sopClassUid())
              .addText(Tags.ReferencedSOPInstanceUID, Vr.UI, f.uids().get().sopInstanceUid())
              .add(Tags.FailureReason, Vr.US, us(f.reason().code()))
              .build());
        } else {
          other.add(DataSet.builder().add(Tags.FailureReason, Vr.US, us(f.reason().code())).build());
        }
      }
    }
    Optional<String> study = targetStudy.or(() -> studies.size() == 1 ? Optional.of(studies.iterator().next())
        : Optional.empty());
    DataSet.Builder response = DataSet.builder();
    if (study.isPresent()) {
      response.addText(Tags.RetrieveURL, Vr.UR, dicomWebRoot + "/studies/" + study.get());
    } else {
      response.add(Tags.RetrieveURL, Vr.UR, Value.Bytes.of(new byte[0])); // Type 2: present, empty
    }
    if (!failed.isEmpty()) {
      response.add(Tags.FailedSOPSequence, Vr.SQ, new Value.Sequence(failed, false));
    }
    if (!referenced.isEmpty()) {
      response.add(Tags.ReferencedSOPSequence, Vr.SQ, new Value.Sequence(referenced, false));
    }
    if (!other.isEmpty()) {
      response.add(Tags.OtherFailuresSequence, Vr.SQ, new Value.Sequence(other, false));
    }
    return response.build();
  }

  byte[] json() {
    try {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      DicomJsonWriter.write(dataSet(), out, JsonOptions.DEFAULT);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory
    }
  }

  /** {@code 299 custos "<code>: part <n>: <detail>"} per failure or warning, PHI-free. */
  List<String> warningHeaders() {
    List<String> lines = new ArrayList<>();
    for (InstanceOutcome outcome : outcomes) {
      String text;
      if (outcome instanceof InstanceOutcome.Failed f) {
        text = f.reason().hex() + ": part " + f.part() + ": " + f.detail();
      } else {
        InstanceOutcome.Stored s = (InstanceOutcome.Stored) outcome;
        if (s.warning().isEmpty()) {
          continue;
        }
        text = s.warning().get().hex() + ": part " + s.part() + ": " + describe(s.warning().get());
      }
      if (lines.size() == MAX_WARNING_HEADERS) {
        lines.add("299 custos \"more failures or warnings: see the response body\"");
        break;
      }
      lines.add("299 custos \"" + headerSafe(text) + "\"");
    }
    return lines;
  }

  private static String describe(WarningReason warning) {
    return switch (warning) {
      case COERCION -> "stored with its non-zero preamble zeroed";
      case NEW_VERSION -> "the SOP Instance UID was stored before with other content; kept as a new version";
      case IDENTITY_CONFLICT -> "the patient identity conflicts with an earlier instance; flagged for review";
    };
  }

  /** Printable ASCII only, no quotes or backslashes, at most 300 characters. */
  private static String headerSafe(String text) {
    String safe = text.replaceAll("[^\\x20-\\x7E]", "?").replace('"', '\'').replace('\\', '/');
    return safe.length() > 300 ? safe.substring(0, 297) + "..." : safe;
  }

  private static Value us(int code) {
    return Value.Bytes.of(new byte[] {(byte) code, (byte) (code >>> 8)});
  }
}
