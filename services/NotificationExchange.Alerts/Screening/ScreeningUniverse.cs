using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotificationExchange.Alerts.Catalogue;
using NotificationExchange.Alerts.Ephemerides;
using NotificationExchange.Ccsds;
using NotificationExchange.Ccsds.Oem;
using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Registry;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Orbits.Propagation;
using NotificationExchange.Orbits.Screening;

namespace NotificationExchange.Alerts.Screening;

/// <summary>
/// Everything a screen is run against: the reference catalogue with each registered object's own orbit data in place
/// of the catalogue's (the operator's data outranks the public catalogue), read from the store. The catalogue part is
/// parsed once per catalogue load; the registry is read each time (it is small and changes at any moment).
/// </summary>
public sealed class ScreeningUniverse(IAlertStore store, IOptionsMonitor<ScreeningOptions> options, ILogger<ScreeningUniverse> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (long LoadId, IReadOnlyList<ScreenedObject> Objects)? _catalogue;

    /// <summary>The objects to screen against, by catalogue number, registered objects' data in place of the catalogue's.</summary>
    public async Task<IReadOnlyDictionary<int, ScreenedObject>> ObjectsAsync(CancellationToken cancellationToken)
    {
        var catalogue = await CatalogueAsync(cancellationToken);
        var objects = new Dictionary<int, ScreenedObject>(catalogue.Count + 64);
        foreach (var screened in catalogue)
        {
            objects[screened.NoradCatId] = screened;
        }
        foreach (var registered in await RegisteredAsync(cancellationToken))
        {
            objects[registered.NoradCatId] = registered;
        }
        return objects;
    }

    /// <summary>The registered objects whose orbit data screening can use, as screened objects.</summary>
    public async Task<IReadOnlyList<ScreenedObject>> RegisteredAsync(CancellationToken cancellationToken)
    {
        var screened = new List<ScreenedObject>();
        var after = 0;
        while (true)
        {
            var page = await store.ListObjectsAsync(null, after, 500, cancellationToken);
            foreach (var registered in page)
            {
                if (FromRegistration(registered) is { } one)
                {
                    screened.Add(one);
                }
            }
            if (page.Count < 500)
            {
                return screened;
            }
            after = page[^1].NoradCatId;
        }
    }

    /// <summary>A registered object as screened; null (logged) when its orbit data is not an element set screening can propagate.</summary>
    public ScreenedObject? FromRegistration(RegisteredObject registered)
    {
        try
        {
            if (registered.OrbitForm == OrbitForm.Oem)
            {
                if (!OemTrajectory.TryMap(OemReader.Read(registered.OrbitText), registered.NoradCatId, out var path, out var problems))
                {
                    logger.LogWarning("Registered object {NoradCatId}: its ephemeris cannot be screened: {Problems}", registered.NoradCatId, string.Join("; ", problems));
                    return null;
                }
                return new ScreenedObject(
                    registered.NoradCatId, registered.Object.Name, registered.Object.CosparId, path!, OrbitSource.Registration, path!.Ephemeris!.Start,
                    registered.OperatorId, registered.Maneuverable, registered.HardBodyRadiusM, registered.Sharing);
            }
            var elements = CatalogueFile.ReadElementSet(registered.OrbitText).Elements;
            return new ScreenedObject(
                registered.NoradCatId, registered.Object.Name, registered.Object.CosparId,
                new Trajectory(new Sgp4Propagator(elements with { CatalogNumber = registered.NoradCatId }), registered.Object.Name),
                OrbitSource.Registration, elements.Epoch, registered.OperatorId, registered.Maneuverable, registered.HardBodyRadiusM, registered.Sharing);
        }
        catch (Exception e) when (e is FormatException or CcsdsFormatException)
        {
            logger.LogWarning("Registered object {NoradCatId}: its orbit data cannot be screened: {Reason}", registered.NoradCatId, e.Message);
            return null;
        }
    }

    private async Task<IReadOnlyList<ScreenedObject>> CatalogueAsync(CancellationToken cancellationToken)
    {
        var last = await store.GetLastCatalogueLoadAsync(cancellationToken);
        var loadId = last?.Id ?? 0;
        if (_catalogue is { } cached && cached.LoadId == loadId)
        {
            return cached.Objects;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_catalogue is { } again && again.LoadId == loadId)
            {
                return again.Objects;
            }
            var entries = await store.GetCatalogueAsync(cancellationToken);
            var objects = new List<ScreenedObject>(entries.Count);
            var hardBodyRadius = options.CurrentValue.DefaultHardBodyRadiusM;
            foreach (var entry in entries)
            {
                try
                {
                    var elements = CatalogueFile.ReadElementSet(entry.ElementSet).Elements;
                    objects.Add(new ScreenedObject(
                        entry.NoradCatId, entry.Name, entry.CosparId, new Trajectory(new Sgp4Propagator(elements), entry.Name),
                        OrbitSource.Catalogue, elements.Epoch, null, null, hardBodyRadius, SharingPolicy.FullState));
                }
                catch (FormatException e)
                {
                    // stored by a load that read it; a later reader that cannot is a defect worth seeing, not a stop
                    logger.LogError("Catalogue object {NoradCatId} cannot be read back: {Reason}", entry.NoradCatId, e.Message);
                }
            }
            _catalogue = (loadId, objects);
            return objects;
        }
        finally
        {
            _gate.Release();
        }
    }
}
