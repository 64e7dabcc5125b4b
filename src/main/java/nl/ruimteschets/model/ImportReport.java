package nl.ruimteschets.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What happened while importing one source: CRS decision, encoding, repaired and skipped features.
 * Filled by the importer while it streams; read by the CLI, the UI and stored in the project.
 * Not thread-safe; one importer writes it.
 */
public final class ImportReport {
    /** Keep the first ids only: a million broken features must not make the report itself huge. */
    public static final int MAX_LISTED_IDS = 1000;

    private String source = "";
    private String format = "";
    private String sourceCrs = "";
    private String encoding = "";
    private long read;
    private long imported;
    private long skippedNull;
    private long skippedEmpty;
    private long repaired;
    private long droppedZm;
    private final List<Long> repairedIds = new ArrayList<>();
    private final List<UserMessage> warnings = new ArrayList<>();

    public String source() { return source; }
    public void setSource(String source) { this.source = source; }
    public String format() { return format; }
    public void setFormat(String format) { this.format = format; }
    public String sourceCrs() { return sourceCrs; }
    public void setSourceCrs(String sourceCrs) { this.sourceCrs = sourceCrs; }
    public String encoding() { return encoding; }
    public void setEncoding(String encoding) { this.encoding = encoding; }
    public long read() { return read; }
    public long imported() { return imported; }
    public long skippedNull() { return skippedNull; }
    public long skippedEmpty() { return skippedEmpty; }
    public long skipped() { return skippedNull + skippedEmpty; }
    public long repaired() { return repaired; }
    public long droppedZm() { return droppedZm; }
    public List<Long> repairedIds() { return Collections.unmodifiableList(repairedIds); }
    public List<UserMessage> warnings() { return Collections.unmodifiableList(warnings); }

    public void countRead() { read++; }
    public void countImported() { imported++; }
    public void countSkippedNull() { skippedNull++; }
    public void countSkippedEmpty() { skippedEmpty++; }
    public void countDroppedZm() { droppedZm++; }
    public void countRepaired(long featureId) {
        repaired++;
        if (repairedIds.size() < MAX_LISTED_IDS) repairedIds.add(featureId);
    }
    public void warn(UserMessage message) { warnings.add(message); }

    /** Restores counters from a stored report (project file). */
    public void restore(long read, long imported, long skippedNull, long skippedEmpty, long repaired, long droppedZm) {
        this.read = read;
        this.imported = imported;
        this.skippedNull = skippedNull;
        this.skippedEmpty = skippedEmpty;
        this.repaired = repaired;
        this.droppedZm = droppedZm;
    }
    public void restoreRepairedIds(List<Long> ids) {
        repairedIds.clear();
        repairedIds.addAll(ids);
    }
}
