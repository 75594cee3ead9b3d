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
    // Each cache is one immutable reference, read and replaced whole: the worker and standing screening use them from
    // their own threads.
    private volatile ParsedCatalogue? _catalogue;
    private volatile MergedObjects? _merged;
    private volatile PreparedWindow? _shared;
    private volatile PreparedWindow? _own;

    private sealed record ParsedCatalogue(long LoadId, IReadOnlyList<ScreenedObject> Objects);

    private sealed record MergedObjects(IReadOnlyList<ScreenedObject> Catalogue, string Registry, IReadOnlyDictionary<int, ScreenedObject> Objects);

    /// <summary>
    /// The objects to screen against, by catalogue number, registered objects' data in place of the catalogue's. The
    /// same instance while neither the catalogue nor the registry changes, so that what is prepared from it is kept.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, ScreenedObject>> ObjectsAsync(CancellationToken cancellationToken)
    {
        var catalogue = await CatalogueAsync(cancellationToken);
        var registrations = await RegistrationsAsync(cancellationToken);
        var registry = string.Join(",", registrations.Select(r => $"{r.NoradCatId}:{r.UpdatedAt.Ticks}:{r.OperatorId}"));
        if (_merged is { } merged && ReferenceEquals(merged.Catalogue, catalogue) && merged.Registry == registry)
        {
            return merged.Objects;
        }
        var objects = new Dictionary<int, ScreenedObject>(catalogue.Count + 64);
        foreach (var screened in catalogue)
        {
            objects[screened.NoradCatId] = screened;
        }
        foreach (var registered in registrations.Select(FromRegistration).OfType<ScreenedObject>())
        {
            objects[registered.NoradCatId] = registered;
        }
        _merged = new MergedObjects(catalogue, registry, objects);
        return objects;
    }

    /// <summary>
    /// <paramref name="objects"/> prepared for screening over [<paramref name="start"/>, <paramref name="end"/>]. Two
    /// windows are kept: the <paramref name="shared"/> one notification screens of an hour share (preparing the whole
    /// catalogue costs about as much as a screen), and the last other one, so that a screen with a window of its own or
    /// a standing screen does not push the shared one out. Element-set age is for the screen to judge, per span.
    /// </summary>
    public PreparedWindow Prepared(IReadOnlyDictionary<int, ScreenedObject> objects, DateTime start, DateTime end, bool shared)
    {
        var kept = shared ? _shared : _own;
        if (kept is not null && ReferenceEquals(kept.Objects, objects) && kept.Start == start && kept.End == end)
        {
            return kept;
        }
        var prepared = new PreparedWindow(objects, start, end, ScreeningCatalog.Prepare(objects.Values.Select(o => o.Trajectory).ToList(), start, end));
        if (shared)
        {
            _shared = prepared;
        }
        else
        {
            _own = prepared;
        }
        return prepared;
    }

    /// <summary>The registered objects whose orbit data screening can use, as screened objects.</summary>
    public async Task<IReadOnlyList<ScreenedObject>> RegisteredAsync(CancellationToken cancellationToken) =>
        (await RegistrationsAsync(cancellationToken)).Select(FromRegistration).OfType<ScreenedObject>().ToList();

    private async Task<IReadOnlyList<RegisteredObject>> RegistrationsAsync(CancellationToken cancellationToken)
    {
        var registrations = new List<RegisteredObject>();
        var after = 0;
        while (true)
        {
            var page = await store.ListObjectsAsync(null, after, 500, cancellationToken);
            registrations.AddRange(page);
            if (page.Count < 500)
            {
                return registrations;
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
            _catalogue = new ParsedCatalogue(loadId, objects);
            return objects;
        }
        finally
        {
            _gate.Release();
        }
    }
}
