package org.custos.server.dicomweb.qido;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.custos.archive.Archive;
import org.custos.archive.access.Access;
import org.custos.archive.access.ReadAction;
import org.custos.archive.query.QuerySession;
import org.custos.dicom.Tag;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;
import org.custos.server.dicomweb.DicomWebUrls;
import org.custos.server.dicomweb.InvalidRequestException;
import org.custos.server.dicomweb.MediaType;
import org.custos.server.dicomweb.NotAcceptableException;

/**
 * QIDO-RS, transport-free (PS3.18 10.6): a level, a path scope, the query parameters and who asks
 * in; DICOM JSON out. One index read transaction per search; see {@link Search} for how candidates
 * are found and {@link Candidate} for what is opened. Every study whose attributes a response
 * shows is recorded with {@link Archive#recordReads} ({@link ReadAction#SEARCH}, all in one
 * transaction) before the response is handed back; if recording fails, the exception propagates
 * and nothing is returned.
 *
 * <p>Errors: {@link InvalidRequestException} (400, names the parameter) for a malformed or
 * unsupported parameter; an unknown path UID is not an error but an empty result. Thread-safe.
 */
public final class QidoService {
  /** Results per response when the client asks for more or sets no limit. */
  public static final int DEFAULT_MAX_RESULTS = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Archive archive;
  private final DicomWebUrls urls;
  private final int maxResults;

  public QidoService(Archive archive, DicomWebUrls urls) {
    this(archive, urls, DEFAULT_MAX_RESULTS);
  }

  public QidoService(Archive archive, DicomWebUrls urls, int maxResults) {
    this.archive = Objects.requireNonNull(archive, "archive");
    this.urls = Objects.requireNonNull(urls, "urls");
    if (maxResults < 1) {
      throw new IllegalArgumentException("maxResults must be at least 1, got " + maxResults);
    }
    this.maxResults = maxResults;
  }

  /**
   * The media type to answer an {@code Accept} header with: {@value QidoResponse#MEDIA_TYPE}
   * (also for {@code application/json} and wildcards).
   *
   * @throws NotAcceptableException for anything else, e.g. {@code multipart/related; type="application/dicom+xml"}
   */
  public static String negotiate(String acceptHeader) {
    for (MediaType range : MediaType.parseAccept(acceptHeader)) {
      if (range.includes(QidoResponse.MEDIA_TYPE) || range.includes("application/json")) {
        return QidoResponse.MEDIA_TYPE;
      }
    }
    throw new NotAcceptableException("search results are available as " + QidoResponse.MEDIA_TYPE
        + " only (DICOM XML is not supported)");
  }

  /**
   * Runs one search.
   *
   * @param parameters the decoded query parameters, each name with its values in order
   * @throws InvalidRequestException naming the parameter that is malformed or not supported
   */
  public QidoResponse search(QueryLevel level, QueryScope scope, Map<String, List<String>> parameters, Access access) {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(access, "access");
    QueryParameters query = QueryParameters.parse(parameters);
    checkLevels(level, query);
    int limit = Math.min(query.limit().orElse(maxResults), maxResults);
    List<AttributeKey> keys = query.matchKeys().values().stream().filter(k -> !k.isUniversal())
        .map(MatchKey::attribute).sorted(Comparator.comparingInt(Candidate::cost)).toList();
    Set<Integer> returned = new LinkedHashSet<>(ReturnAttributes.defaults(level, scope, query.includeAll()));
    returned.addAll(query.matchKeys().keySet());
    returned.addAll(query.includeFields());

    Page page = QuerySession.read(archive.context(), q -> {
      Search search = new Search(q, urls, level, scope, query);
      Stream<Candidate> candidates;
      if (level == QueryLevel.STUDY && search.unfiltered()) {
        // Nothing to match: let the index skip the offset instead of opening what is skipped.
        candidates = q.studies(query.offset(), limit + 1).stream()
            .map(study -> new Candidate(q, urls, level, study, Optional.empty(), Optional.empty()))
            .filter(Candidate::isLive);
      } else {
        candidates = search.candidates().filter(Candidate::isLive).filter(c -> matchesAll(c, keys, query))
            .skip(query.offset());
      }
      List<Candidate> found = candidates.limit(limit + 1L).toList();
      ArrayNode results = JsonNodeFactory.instance.arrayNode();
      Set<String> studyUids = new LinkedHashSet<>();
      for (Candidate c : found.subList(0, Math.min(limit, found.size()))) {
        results.add(result(c, returned, level == QueryLevel.INSTANCE && query.includeAll()));
        studyUids.add(c.studyUid());
      }
      return new Page(results, studyUids, found.size() > limit);
    });

    List<String> warnings = new ArrayList<>();
    String service = "299 " + urls.root() + ": ";
    if (query.fuzzyMatching()) {
      // PS3.18 8.3.4.2, verbatim.
      warnings.add(service + "The fuzzymatching parameter is not supported. Only literal matching has been performed.");
    }
    for (String flag : query.unsupportedFlags()) {
      warnings.add(service + "The " + flag + " parameter is not supported. "
          + (flag.equals("emptyvaluematching") ? "Empty Value Matching" : "Multiple Value Matching")
          + " has not been performed.");
    }
    if (page.more() && query.limit().orElse(Integer.MAX_VALUE) > maxResults) {
      warnings.add(service + "The number of results exceeded the maximum supported by the server ("
          + maxResults + "). Additional results can be requested with offset.");
    }
    // One transaction for the page (one commit, not one per study shown).
    archive.recordReads(access, ReadAction.SEARCH, page.studyUids());
    try {
      return new QidoResponse(JSON.writeValueAsBytes(page.results()), page.results().size(), warnings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write search results as JSON", e);
    }
  }

  private record Page(ArrayNode results, Set<String> studyUids, boolean more) {}

  private static boolean matchesAll(Candidate c, List<AttributeKey> keys, QueryParameters query) {
    for (AttributeKey key : keys) {
      MatchKey match = query.matchKeys().get(key.tag());
      List<String> values = c.find(key).map(JsonElements::texts).orElse(List.of());
      if (!match.matches(values)) {
        return false;
      }
    }
    return true;
  }

  /** One result object, members in tag order (PS3.18 F.2: the order of the data set). */
  private static ObjectNode result(Candidate c, Set<Integer> returned, boolean allMetadata) {
    TreeMap<Integer, JsonNode> members = new TreeMap<>(Integer::compareUnsigned);
    for (int tag : returned) {
      AttributeKey key = AttributeKey.of(tag);
      Optional<JsonNode> value = c.find(key);
      if (value.isPresent()) {
        members.put(tag, value.get());
      } else if (key.vr() != Vr.UN) {
        members.put(tag, JsonElements.empty(key.vr()));
      }
    }
    if (allMetadata) {
      for (Iterator<Map.Entry<String, JsonNode>> it = c.metadataElements(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> element = it.next();
        members.putIfAbsent((int) Long.parseLong(element.getKey(), 16), element.getValue());
      }
    }
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    members.forEach((tag, value) -> result.set(Tag.toHex(tag), value));
    return result;
  }

  /** PS3.18 10.6.1.2: a search matches attributes of its own level and the levels above it only. */
  private static void checkLevels(QueryLevel level, QueryParameters query) {
    for (MatchKey key : query.matchKeys().values()) {
      int tag = key.attribute().tag();
      boolean seriesKey = ReturnAttributes.SERIES.contains(tag) && !ReturnAttributes.STUDY.contains(tag)
          || ReturnAttributes.KEPT_SERIES.contains(tag);
      boolean instanceKey = ReturnAttributes.INSTANCE.contains(tag) && !ReturnAttributes.SERIES.contains(tag)
          && !ReturnAttributes.STUDY.contains(tag);
      if (tag == Tags.RetrieveURL || tag == Tags.InstanceAvailability) {
        continue;
      }
      if (level == QueryLevel.STUDY && (seriesKey || instanceKey) || level == QueryLevel.SERIES && instanceKey) {
        throw new InvalidRequestException(key.attribute().toString(), "is not an attribute of the "
            + level.name().toLowerCase(Locale.ROOT) + " level or above; search a lower level for it");
      }
    }
  }
}
