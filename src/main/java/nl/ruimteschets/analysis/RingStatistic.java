package nl.ruimteschets.analysis;

/**
 * Which OPS ring value the nitrogen kernel uses: the ring {@link #MEAN} is the screening value; the
 * ring {@link #MAX} (1.5–2.5 × the mean, toward the NE) is the "worst wind direction" bound.
 */
public enum RingStatistic {
    MEAN("ops_table_mean.csv"),
    MAX("ops_table_max.csv");

    final String resource;

    RingStatistic(String resource) { this.resource = resource; }
}
