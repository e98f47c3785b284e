package org.custos.server.dicomweb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.custos.archive.Archive;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.index.SeriesRow;
import org.custos.archive.index.StudyRow;
import org.custos.archive.query.QuerySession;
import org.custos.dicom.dictionary.Tags;

/**
 * Resolves a WADO resource path to the current instances under it, in storage order, in one index
 * read: study, series and instance found by their UID tokens and checked to nest as the path says.
 * A level that does not exist (or whose patient was shredded, or that holds no instance) is a
 * {@link ResourceNotFoundException} naming that level. Reads no blob. Thread-safe.
 */
public final class StoredInstances {
  private final Archive archive;

  public StoredInstances(Archive archive) {
    this.archive = Objects.requireNonNull(archive, "archive");
  }

  public List<StoredInstance> resolve(ResourcePath path) {
    return resolve(path, false).stream().map(StoredMetadata::instance).toList();
  }

  /** Like {@link #resolve}, with each instance's sealed DICOM JSON opened (for metadata answers). */
  public List<StoredMetadata> metadata(ResourcePath path) {
    return resolve(path, true);
  }

  private List<StoredMetadata> resolve(ResourcePath path, boolean keepMetadata) {
    return QuerySession.read(archive.context(), q -> {
      StudyRow study = q.studyByUid(path.studyUid()).filter(s -> q.isLive(s.patientId()))
          .orElseThrow(() -> new ResourceNotFoundException("no such study"));
      List<InstanceRow> rows;
      if (path.seriesUid().isPresent()) {
        SeriesRow series = q.seriesByUid(path.seriesUid().get())
            .filter(s -> s.studyId().equals(study.studyId()))
            .orElseThrow(() -> new ResourceNotFoundException("no such series in the study"));
        if (path.sopInstanceUid().isPresent()) {
          InstanceRow row = q.instanceByUid(path.sopInstanceUid().get())
              .filter(r -> r.seriesId().equals(series.seriesId()) && q.isLive(r.patientId()))
              .orElseThrow(() -> new ResourceNotFoundException("no such instance in the series"));
          StoredInstance instance =
              new StoredInstance(row, path.studyUid(), path.seriesUid().get(), path.sopInstanceUid().get());
          if (!keepMetadata) {
            return List.of(new StoredMetadata(instance, new byte[0]));
          }
          byte[] json = q.metadata(row).orElseThrow(() -> new ResourceNotFoundException("no such instance in the series"));
          return List.of(new StoredMetadata(instance, json));
        }
        rows = q.instancesOfSeries(series.seriesId());
      } else {
        rows = q.instancesOfStudy(study.studyId());
      }
      Map<String, String> seriesUids = new HashMap<>();
      List<StoredMetadata> instances = new ArrayList<>(rows.size());
      for (InstanceRow row : rows) {
        String seriesUid = path.seriesUid().orElseGet(() -> seriesUids.computeIfAbsent(row.seriesId(),
            id -> q.series(id).map(q::seriesAttributes).map(a -> a.get("SeriesInstanceUID")).orElse("")));
        Optional<byte[]> json = q.metadata(row);
        Optional<String> sopUid = json.flatMap(bytes -> MetadataJson.firstText(bytes, Tags.SOPInstanceUID));
        if (sopUid.isPresent() && !seriesUid.isEmpty()) {
          instances.add(new StoredMetadata(new StoredInstance(row, path.studyUid(), seriesUid, sopUid.get()),
              keepMetadata ? json.get() : new byte[0]));
        }
      }
      if (instances.isEmpty()) {
        throw new ResourceNotFoundException(path.seriesUid().isPresent() ? "the series holds no instance"
            : "the study holds no instance");
      }
      return instances;
    });
  }
}
