package nl.ruimteschets.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.UserMessage;

/**
 * Import report to and from the JSON kept in rs_layer_role.import_report. Warning arguments are stored
 * as text (they are only ever shown). Missing members read as zero/empty, so older files still load.
 * Stateless; thread-safe.
 */
public final class ReportJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportJson() { }

    public static String write(ImportReport r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("source", r.source()).put("format", r.format()).put("sourceCrs", r.sourceCrs())
                .put("encoding", r.encoding()).put("read", r.read()).put("imported", r.imported())
                .put("skippedNull", r.skippedNull()).put("skippedEmpty", r.skippedEmpty())
                .put("repaired", r.repaired()).put("droppedZm", r.droppedZm());
        ArrayNode ids = o.putArray("repairedIds");
        r.repairedIds().forEach(ids::add);
        ArrayNode warnings = o.putArray("warnings");
        for (UserMessage m : r.warnings()) {
            ObjectNode w = warnings.addObject().put("key", m.key());
            ArrayNode args = w.putArray("args");
            for (Object a : m.args()) args.add(String.valueOf(a));
        }
        return o.toString();
    }

    public static ImportReport read(String json) throws com.fasterxml.jackson.core.JsonProcessingException {
        ImportReport r = new ImportReport();
        if (json == null || json.isBlank()) return r;
        JsonNode o = MAPPER.readTree(json);
        r.setSource(o.path("source").asText(""));
        r.setFormat(o.path("format").asText(""));
        r.setSourceCrs(o.path("sourceCrs").asText(""));
        r.setEncoding(o.path("encoding").asText(""));
        r.restore(o.path("read").asLong(), o.path("imported").asLong(), o.path("skippedNull").asLong(),
                o.path("skippedEmpty").asLong(), o.path("repaired").asLong(), o.path("droppedZm").asLong());
        List<Long> ids = new ArrayList<>();
        o.path("repairedIds").forEach(n -> ids.add(n.asLong()));
        r.restoreRepairedIds(ids);
        for (JsonNode w : o.path("warnings")) {
            List<Object> args = new ArrayList<>();
            w.path("args").forEach(a -> args.add(a.asText()));
            r.warn(new UserMessage(w.path("key").asText(), args.toArray()));
        }
        return r;
    }
}
