namespace NotificationExchange.Orbits.Frames;

/// <summary>Geodetic latitude and longitude (degrees, longitude -180 to 180 east positive) and height (km).</summary>
public readonly record struct GeodeticPosition(double LatitudeDeg, double LongitudeDeg, double AltitudeKm);

/// <summary>Earth-fixed Cartesian to geodetic coordinates on the WGS-84 ellipsoid (the one maps and GPS use).</summary>
public static class Geodetic
{
    public const double Wgs84EquatorialRadiusKm = 6378.137;
    public const double Wgs84Flattening = 1.0 / 298.257223563;
    private static readonly double _eccentricitySquared = Wgs84Flattening * (2.0 - Wgs84Flattening);

    /// <summary>
    /// Converts an Earth-fixed position (km). Iterates the latitude to convergence (below 1e-12 rad, a few µm) rather
    /// than using a closed form, because it stays exact from the Earth's centre out to lunar distances.
    /// </summary>
    public static GeodeticPosition FromEarthFixed(Geometry.Vector3d positionKm)
    {
        var (x, y, z) = (positionKm.X, positionKm.Y, positionKm.Z);
        var longitude = Math.Atan2(y, x);
        var equatorialDistance = Math.Sqrt(x * x + y * y);
        var latitude = Math.Atan2(z, equatorialDistance * (1.0 - _eccentricitySquared));
        double primeVerticalRadius = Wgs84EquatorialRadiusKm;
        for (var iteration = 0; iteration < 20; iteration++)
        {
            var sinLatitude = Math.Sin(latitude);
            primeVerticalRadius = Wgs84EquatorialRadiusKm / Math.Sqrt(1.0 - _eccentricitySquared * sinLatitude * sinLatitude);
            var next = Math.Atan2(z + primeVerticalRadius * _eccentricitySquared * sinLatitude, equatorialDistance);
            var converged = Math.Abs(next - latitude) < 1e-12;
            latitude = next;
            if (converged)
            {
                break;
            }
        }
        var (sinLat, cosLat) = Math.SinCos(latitude);
        primeVerticalRadius = Wgs84EquatorialRadiusKm / Math.Sqrt(1.0 - _eccentricitySquared * sinLat * sinLat);
        // near the poles cos(latitude) vanishes, so measure the height along z there
        var altitude = Math.Abs(cosLat) > 1e-6
            ? equatorialDistance / cosLat - primeVerticalRadius
            : Math.Abs(z) / Math.Abs(sinLat) - primeVerticalRadius * (1.0 - _eccentricitySquared);
        return new GeodeticPosition(latitude * 180.0 / Math.PI, longitude * 180.0 / Math.PI, altitude);
    }

    /// <summary>The inverse: Earth-fixed position (km) of a geodetic point.</summary>
    public static Geometry.Vector3d ToEarthFixed(GeodeticPosition position)
    {
        var (sinLat, cosLat) = Math.SinCos(position.LatitudeDeg * Math.PI / 180.0);
        var (sinLon, cosLon) = Math.SinCos(position.LongitudeDeg * Math.PI / 180.0);
        var primeVerticalRadius = Wgs84EquatorialRadiusKm / Math.Sqrt(1.0 - _eccentricitySquared * sinLat * sinLat);
        var horizontal = (primeVerticalRadius + position.AltitudeKm) * cosLat;
        return new Geometry.Vector3d(
            horizontal * cosLon,
            horizontal * sinLon,
            (primeVerticalRadius * (1.0 - _eccentricitySquared) + position.AltitudeKm) * sinLat);
    }
}
