using System.Globalization;
using NotificationExchange.Ccsds;
using NotificationExchange.Ccsds.Omm;
using NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Alerts.Catalogue;

/// <summary>Catalogue files of OMMs in any form the CCSDS library reads entry by entry (KVN, XML, GP JSON, GP CSV).</summary>
internal static class OmmCatalogueReader
{
    private const string ObjectTypeField = "OBJECT_TYPE";

    public static void Read(string text, List<CatalogueObject> objects, List<CatalogueRejection> rejections)
    {
        var file = OmmReader.ReadEntries(text);
        // what stopped the reading of the file from there on (JSON or XML that does not parse, ...)
        rejections.AddRange(file.Errors.Select(error => new CatalogueRejection(new CatalogueLocation(error.Line, null),
            error.Line is null || error.Path is not null ? Describe(error) : error.Message)));
        foreach (var entry in file.Entries)
        {
            var location = new CatalogueLocation(entry.Location.Line, entry.Index);
            if (entry.Message is not { } message)
            {
                rejections.Add(new CatalogueRejection(location, string.Join("; ", entry.Errors.Select(Describe))));
                continue;
            }
            if (TryFromOmm(message, entry.GpFields.GetValueOrDefault(ObjectTypeField), location, out var catalogued, out var reason))
            {
                objects.Add(catalogued);
            }
            else
            {
                rejections.Add(new CatalogueRejection(location, reason, message.NoradCatId));
            }
        }
    }

    /// <summary>An OMM read without error as a catalogue object; false with the reason when SGP4 or the catalogue cannot use it.</summary>
    public static bool TryFromOmm(OmmMessage message, string? gpObjectType, CatalogueLocation? source, out CatalogueObject catalogued, out string reason)
    {
        catalogued = null!;
        if (message.NoradCatId is { } number && number is < 1 or > NotificationValidator.MaxCatalogNumber)
        {
            reason = $"NORAD_CAT_ID {number} is outside 1 to {NotificationValidator.MaxCatalogNumber} (Alpha-5 Z9999)";
            return false;
        }
        if (!OmmSgp4Elements.TryToSgp4Elements(message, out var elements, out reason))
        {
            return false;
        }
        var name = message.ObjectName.Trim();
        var objectType = CatalogueObjectTypes.Parse(gpObjectType)
            ?? CatalogueObjectTypes.Parse(message.UserDefined?.Parameters.FirstOrDefault(parameter => parameter.Key == ObjectTypeField).Value)
            ?? CatalogueObjectTypes.FromName(name);
        catalogued = new CatalogueObject(elements.CatalogNumber, name.Length == 0 ? null : name,
            string.Equals(message.ObjectId, "UNKNOWN", StringComparison.OrdinalIgnoreCase) || message.ObjectId.Length == 0 ? null : message.ObjectId,
            objectType, elements, ElementSetText(message), source);
        reason = "";
        return true;
    }

    /// <summary>
    /// The element set the store keeps: the OMM in KVN with what SGP4 and the catalogue need (header, metadata, mean
    /// elements, TLE parameters), without comments, covariance, spacecraft or user-defined parameters, so that the
    /// same elements read from any form give the same text.
    /// </summary>
    public static string ElementSetText(OmmMessage message)
    {
        var kept = new OmmMessage
        {
            Header = new() { Version = message.Header.Version, Classification = message.Header.Classification, CreationDate = message.Header.CreationDate, Originator = message.Header.Originator, MessageId = message.Header.MessageId },
            Metadata = new()
            {
                ObjectName = message.Metadata.ObjectName,
                ObjectId = message.Metadata.ObjectId,
                CenterName = message.Metadata.CenterName,
                RefFrame = message.Metadata.RefFrame,
                RefFrameEpoch = message.Metadata.RefFrameEpoch,
                TimeSystem = message.Metadata.TimeSystem,
                MeanElementTheory = message.Metadata.MeanElementTheory,
            },
            MeanElements = new()
            {
                Epoch = message.MeanElements.Epoch,
                SemiMajorAxis = message.MeanElements.SemiMajorAxis,
                MeanMotion = message.MeanElements.MeanMotion,
                Eccentricity = message.MeanElements.Eccentricity,
                Inclination = message.MeanElements.Inclination,
                RaOfAscNode = message.MeanElements.RaOfAscNode,
                ArgOfPericenter = message.MeanElements.ArgOfPericenter,
                MeanAnomaly = message.MeanElements.MeanAnomaly,
                Gm = message.MeanElements.Gm,
            },
            TleParameters = message.TleParameters is not { } tle ? null : new()
            {
                EphemerisType = tle.EphemerisType,
                ClassificationType = tle.ClassificationType,
                NoradCatId = tle.NoradCatId,
                ElementSetNo = tle.ElementSetNo,
                RevAtEpoch = tle.RevAtEpoch,
                Bstar = tle.Bstar,
                Bterm = tle.Bterm,
                MeanMotionDot = tle.MeanMotionDot,
                MeanMotionDdot = tle.MeanMotionDdot,
                Agom = tle.Agom,
            },
        };
        return OmmWriter.Write(kept, CcsdsSyntax.Kvn);
    }

    /// <summary>A CCSDS error as a rejection's reason: where (line or path), the keyword, what is wrong.</summary>
    public static string Describe(CcsdsError error) => string.Create(CultureInfo.InvariantCulture,
        $"{error.Location}: {(error.Keyword is null ? "" : error.Keyword + ": ")}{error.Message}");
}
