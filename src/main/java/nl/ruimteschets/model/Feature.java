package nl.ruimteschets.model;

import org.locationtech.jts.geom.Geometry;

/**
 * One feature: an id unique within its layer, a geometry in EPSG:28992 and attribute values in the
 * order of the layer's fields (values may be null). Values are kept in an array rather than a map
 * because layers hold up to millions of features.
 */
public record Feature(long id, Geometry geometry, Object[] values) {

    public Object value(int fieldIndex) {
        return fieldIndex >= 0 && fieldIndex < values.length ? values[fieldIndex] : null;
    }
}
