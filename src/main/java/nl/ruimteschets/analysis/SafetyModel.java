package nl.ruimteschets.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.ruimteschets.geo.CellMask;
import nl.ruimteschets.geo.FootprintDistance;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.geo.NearbyObjects;
import nl.ruimteschets.geo.PackedEnvelopes;
import nl.ruimteschets.geo.TileCache;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.geo.Overlay;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * External-safety screening (DOMAIN.md §2.4 implementation note): buffers the sketched footprint
 * (not a point) by the profile's PR 10⁻⁶, brand, explosie and gifwolk distances and tests the
 * contours against sensitive objects and existing risk contours.
 *
 * <p>An object lies inside a contour when its distance to the footprint is at most the contour's
 * distance, so one index query with the largest distance and one distance per object answer all
 * four contours. SAFETY_CONTOUR features whose mapped kind contains "veiligheidscontour" are the
 * clusters' legacy envelopes for risk growth (§2.5); the rest are existing contours; both are unioned
 * once, when the model is built, for layers in memory, and around each PR contour for layers in the
 * database ({@link NearbyPolygons}).
 *
 * <p>Immutable after construction; thread-safe.
 */
public final class SafetyModel {
    /** Buffer smoothness: 8 segments per quarter circle is well below a pixel at 1:25,000. */
    private static final int QUADRANT_SEGMENTS = 8;

    private final NearbyObjects sensitive;
    private final Geometry existingContours;
    private final Geometry veiligheidscontouren;
    /** The same two of contour layers in the database, asked for around each PR contour; null when there are none. */
    private final NearbyPolygons remoteExisting, remoteEnvelopes;
    /** Whether a contour layer in the database holds any legacy envelope (then PR outside the nearby ones counts whole). */
    private final boolean remoteHasEnvelopes;

    public SafetyModel(List<LayerIndex> sensitive, List<LayerIndex> safetyContours) {
        this(NearbyObjects.of(sensitive), safetyContours, List.of());
    }

    /**
     * @param sensitive the sensitive objects, asked for what lies within the largest distance of each footprint
     * @param safetyContours the contours held in memory, unioned now
     * @param contoursInDatabase the tile caches of contour layers in the database (asked once here whether
     *        they hold legacy envelopes at all)
     * @throws TileCache.Unavailable when a contour layer in the database cannot be read
     */
    public SafetyModel(NearbyObjects sensitive, List<LayerIndex> safetyContours, List<TileCache> contoursInDatabase) {
        this.sensitive = sensitive;
        List<Geometry> existing = new ArrayList<>();
        List<Geometry> envelopes = new ArrayList<>();
        for (LayerIndex li : safetyContours) {
            Layer layer = li.layer();
            for (Feature f : layer.features()) (isEnvelope(layer, f) ? envelopes : existing).add(f.geometry());
        }
        this.existingContours = existing.isEmpty() ? null : Overlay.union(existing);
        this.veiligheidscontouren = envelopes.isEmpty() ? null : Overlay.union(envelopes);
        if (contoursInDatabase.isEmpty()) {
            remoteExisting = remoteEnvelopes = null;
            remoteHasEnvelopes = false;
        } else {
            NearbyObjects tiles = NearbyObjects.of(List.of(), contoursInDatabase);
            remoteExisting = new NearbyPolygons(tiles, (l, f) -> !isEnvelope(l, f));
            remoteEnvelopes = new NearbyPolygons(tiles, SafetyModel::isEnvelope);
            remoteHasEnvelopes = anyEnvelope(contoursInDatabase);
        }
    }

    /** Whether a contour layer in the database holds a legacy envelope: its kinds streamed until one says so. */
    private static boolean anyEnvelope(List<TileCache> layers) {
        for (TileCache t : layers) {
            Layer l = t.layer();
            int kind = l.mappedFieldIndex(Layer.MAP_KIND);
            if (kind < 0) continue;
            try {
                boolean whole = l.remote().envelopes(l.remote().extent(), l.fields().get(kind).name(),
                        (x0, y0, x1, y1, v) -> !(v != null && v.toLowerCase(Locale.ROOT).contains("veiligheidscontour")));
                if (!whole) return true;
            } catch (InputException e) {
                throw new TileCache.Unavailable(e);
            }
        }
        return false;
    }

    /** Whether a SAFETY_CONTOUR feature is a cluster's legacy envelope (its kind says "veiligheidscontour"). */
    private static boolean isEnvelope(Layer layer, Feature f) {
        String kind = layer.text(f, Layer.MAP_KIND);
        return kind != null && kind.toLowerCase(Locale.ROOT).contains("veiligheidscontour");
    }

    public SafetyIndicators evaluate(Geometry footprint, ActivityProfile profile) {
        return evaluate(footprint, profile, footprint.getFactory().createPolygon());
    }

    /**
     * @param otherConstraints the part of the footprint already inside other hard constraints (Natura
     *        2000, residential area), so that {@link SafetyIndicators#allConstrainedHa()} counts each
     *        hectare once
     */
    public SafetyIndicators evaluate(Geometry footprint, ActivityProfile profile, Geometry otherConstraints) {
        double prD = profile.prDistanceM();
        double gifD = Math.min(profile.gifwolkM(), ActivityProfile.GIFWOLK_CAP_M);
        Geometry pr = buffer(footprint, prD);

        List<SafetyIndicators.SensitiveHit> conflicts = new ArrayList<>();
        List<Envelope> conflictObjects = new ArrayList<>();
        int weigh = 0, brand = 0, explosie = 0, gifwolk = 0;
        double reach = Math.max(Math.max(prD, gifD), Math.max(profile.brandM(), profile.explosieM()));
        Envelope query = new Envelope(footprint.getEnvelopeInternal());
        query.expandBy(reach);
        FootprintDistance distance = new FootprintDistance(footprint);
        Envelope fe = footprint.getEnvelopeInternal();
        double reach2 = (reach + 0.1) * (reach + 0.1); // packed envelopes are floats: a few cm of slack
        for (LayerIndex li : sensitive.near(query)) {
            Layer layer = li.layer();
            // Scan the packed envelopes (sequential memory) and drop, before touching any geometry,
            // objects whose envelope is already farther than the largest distance from the footprint's.
            PackedEnvelopes env = li.packed();
            java.util.stream.IntStream.Builder near = java.util.stream.IntStream.builder();
            env.query(query, k -> {
                double dx = Math.max(0, Math.max(env.minX(k) - fe.getMaxX(), fe.getMinX() - env.maxX(k)));
                double dy = Math.max(0, Math.max(env.minY(k) - fe.getMaxY(), fe.getMinY() - env.maxY(k)));
                if (dx * dx + dy * dy <= reach2) near.add(k);
                return true;
            });
            for (int k : near.build().toArray()) {
                // Every point of the object lies within r of its envelope centre, so the distance to
                // its centre bounds its own: [dc - r, dc + r]. Only when a threshold falls inside that
                // band, or the object is within PR distance (its vulnerability is needed), is its
                // geometry read; for the thousands in the gifwolk ring that saves a cache miss chain each.
                // (+5 cm: the packed centre is a float, a centimetre or two off at RD coordinates)
                double hw = env.halfWidth(k), hh = env.halfHeight(k), r = Math.sqrt(hw * hw + hh * hh) + 0.05;
                double dc = distance.toPoint(env.centreX(k), env.centreY(k));
                double lo = Math.max(0, dc - r), hi = dc + r;
                Feature f = null;
                if (ambiguous(lo, hi, reach, prD, profile.brandM(), profile.explosieM(), gifD) || (prD > 0 && hi <= prD)) {
                    f = layer.features().get(env.feature(k));
                    lo = hi = distance.distance(f.geometry(), 2 * (hw + hh));
                }
                double d = hi; // exact, or on the same side of every threshold as the exact distance
                if (lo > reach) continue;
                if (prD > 0 && d <= prD) {
                    Vulnerability v = Vulnerability.parse(layer.text(f, Layer.MAP_VULNERABILITY));
                    if (v.hasLimitValue()) {
                        String name = layer.text(f, Layer.MAP_NAME);
                        conflicts.add(new SafetyIndicators.SensitiveHit(f.id(), name == null ? "" : name, v));
                        conflictObjects.add(f.geometry().getEnvelopeInternal());
                    } else {
                        weigh++;
                    }
                }
                if (profile.brandM() > 0 && d <= profile.brandM()) brand++;
                if (profile.explosieM() > 0 && d <= profile.explosieM()) explosie++;
                if (gifD > 0 && d <= gifD) gifwolk++;
            }
        }
        // Report conflicts in a stable order, whatever order the index returns them in.
        conflicts.sort(java.util.Comparator.comparingLong(SafetyIndicators.SensitiveHit::featureId));

        Geometry existingNear = existingContours, envelopesNear = veiligheidscontouren;
        if (remoteExisting != null && !pr.isEmpty()) {
            existingNear = withRemote(existingContours, remoteExisting, pr.getEnvelopeInternal());
            envelopesNear = withRemote(veiligheidscontouren, remoteEnvelopes, pr.getEnvelopeInternal());
        }
        double existingHa = pr.isEmpty() || existingNear == null ? 0
                : Overlay.intersection(pr, existingNear).getArea() / 10_000.0;
        // Envelopes in the database but none near: all of the PR contour lies outside them.
        double outsideHa = pr.isEmpty() ? 0 : envelopesNear != null ? Overlay.difference(pr, envelopesNear).getArea() / 10_000.0
                : remoteHasEnvelopes ? pr.getArea() / 10_000.0 : 0;
        double prConstrainedHa = 0;
        double allConstrainedHa = otherConstraints.getArea() / 10_000.0;
        if (!conflictObjects.isEmpty()) {
            // Hundreds of dwellings can lie within PR distance; stamping them on a raster is stable in
            // time where a union of their buffers is not (see CellMask).
            CellMask mask = new CellMask(footprint, cellSize(footprint));
            for (Envelope e : conflictObjects) mask.markNear(e, prD);
            prConstrainedHa = mask.markedHa();
            if (!otherConstraints.isEmpty()) mask.markPolygon(otherConstraints);
            allConstrainedHa = mask.markedHa();
        }
        return new SafetyIndicators(pr, buffer(footprint, profile.brandM()), buffer(footprint, profile.explosieM()),
                buffer(footprint, gifD), conflicts, weigh, brand, explosie, gifwolk, existingHa, outsideHa,
                prConstrainedHa, allConstrainedHa);
    }

    /** The contours in memory with those of the database's tiles around {@code area}. */
    private static Geometry withRemote(Geometry inMemory, NearbyPolygons inDatabase, Envelope area) {
        NearbyPolygons.Union u = inDatabase.near(area);
        return NearbyPolygons.union(inMemory, u == null ? null : u.geometry());
    }

    /** Whether some positive threshold lies inside [lo, hi): the bounds cannot tell which side the object is on. */
    private static boolean ambiguous(double lo, double hi, double... thresholds) {
        for (double t : thresholds) if (t > 0 && lo <= t && hi > t) return true;
        return false;
    }

    /** About 40,000 cells over any footprint, never finer than 5 m. */
    private static double cellSize(Geometry footprint) {
        return Math.max(5.0, Math.sqrt(footprint.getEnvelopeInternal().getArea() / 40_000.0));
    }

    private static Geometry buffer(Geometry footprint, double distance) {
        return distance > 0 ? footprint.buffer(distance, QUADRANT_SEGMENTS) : footprint.getFactory().createPolygon();
    }
}
