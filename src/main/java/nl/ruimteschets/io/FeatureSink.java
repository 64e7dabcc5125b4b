package nl.ruimteschets.io;

import java.io.IOException;
import nl.ruimteschets.model.Feature;

/** Receives checked, reprojected, repaired features from the {@link Importer}, one at a time. */
@FunctionalInterface
public interface FeatureSink {
    void accept(Feature feature) throws IOException;
}
