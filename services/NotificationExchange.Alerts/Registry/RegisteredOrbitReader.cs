using NotificationExchange.Alerts.Catalogue;
using NotificationExchange.Alerts.Ephemerides;
using NotificationExchange.Ccsds;
using NotificationExchange.Ccsds.Oem;
using NotificationExchange.Ccsds.Omm;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Registry;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Orbits;
using NotificationExchange.Orbits.Elements;
using NotificationExchange.Orbits.Regimes;

namespace NotificationExchange.Alerts.Registry;

/// <summary>
/// Reads a registration's orbit and checks it against the object: a TLE (<see cref="TleParser"/>, faults named by line
/// and column), an OMM with SGP4 mean elements in TEME (<see cref="OmmReader"/>, <see cref="OmmSgp4Elements"/>), or an
/// OEM screening can use (<see cref="OemTrajectory"/>). A catalogue number the data carries must be the
/// object's. Each fault is named under <c>orbit.tle.line1</c>, <c>orbit.omm</c> or <c>orbit.oem</c>.
/// </summary>
public static class RegisteredOrbitReader
{
    /// <summary>The longest OMM or OEM text kept, as for CCSDS messages attached to filings.</summary>
    public const int MaxTextLength = Attachment.MaxLength;

    /// <summary>At most this many problems of one message are named: the answer's trailer must stay small.</summary>
    private const int MaxProblemsNamed = 10;

    /// <summary>The orbit read, or null with its faults in <paramref name="errors"/>. <paramref name="noradCatId"/> is 0 when the object's is unknown.</summary>
    public static ReadOrbit? Read(string at, RegistrationOrbit? orbit, int noradCatId, ValidationErrors errors) => orbit switch
    {
        null => Missing(at, errors),
        { Form: OrbitForm.Tle } => ReadTle($"{at}.tle", orbit.Line1 ?? "", orbit.Line2 ?? "", noradCatId, errors),
        { Form: OrbitForm.Omm } => ReadOmm($"{at}.omm", orbit.Text, noradCatId, errors),
        { Form: OrbitForm.Oem } => ReadOem($"{at}.oem", orbit.Text, noradCatId, errors),
        _ => Missing(at, errors),
    };

    private static ReadOrbit? Missing(string at, ValidationErrors errors)
    {
        errors.Add(at, "is required: a TLE, an OMM or an OEM");
        return null;
    }

    private static ReadOrbit? ReadTle(string at, string line1, string line2, int noradCatId, ValidationErrors errors)
    {
        // The two lines are kept as one text, joined by a line feed: a line holding a line break would not read back.
        foreach (var (name, line) in new[] { ("line1", line1), ("line2", line2) })
        {
            if (line.AsSpan().IndexOfAny('\r', '\n') is var at1 and >= 0)
            {
                errors.Add($"{at}.{name}", $"column {at1 + 1}: a line break; each field holds one line of 69 characters");
                return null;
            }
        }
        if (!TleParser.TryParse(line1, line2, out var tle, out var error))
        {
            var column = error!.FirstColumn == error.LastColumn ? $"column {error.FirstColumn}" : $"columns {error.FirstColumn}-{error.LastColumn}";
            errors.Add($"{at}.line{error.Line}", $"{column}: {error.Reason}");
            return null;
        }
        if (noradCatId != 0 && tle!.CatalogNumber != noradCatId)
        {
            errors.Add($"{at}.line1", $"columns 3-7: catalogue number {tle.CatalogNumber} is not the object's ({noradCatId})");
            return null;
        }
        var regime = OrbitalRegimeClassifier.Classify(
            EarthConstants.SemiMajorAxisKmFromMeanMotion(tle!.MeanMotionRevPerDay), tle.Eccentricity, tle.InclinationDeg);
        return new ReadOrbit(OrbitForm.Tle, RegistrationOrbit.JoinTle(line1, line2), tle.Epoch, regime);
    }

    private static ReadOrbit? ReadOmm(string at, string? text, int noradCatId, ValidationErrors errors)
    {
        if (!Present(at, text, "OMM", errors))
        {
            return null;
        }
        OmmMessage omm;
        try
        {
            omm = OmmReader.Read(text!);
        }
        catch (CcsdsFormatException e)
        {
            errors.Add(at, Problems(e.Errors));
            return null;
        }
        if (!string.Equals(omm.Metadata.RefFrame, "TEME", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(at, $"REF_FRAME is {omm.Metadata.RefFrame}: SGP4 mean elements are in TEME");
            return null;
        }
        if (!OmmSgp4Elements.TryToSgp4Elements(omm, out var elements, out var problem))
        {
            errors.Add(at, problem);
            return null;
        }
        if (noradCatId != 0 && elements.CatalogNumber != noradCatId)
        {
            errors.Add(at, $"NORAD_CAT_ID {elements.CatalogNumber} is not the object's catalogue number ({noradCatId})");
            return null;
        }
        if (!(elements.MeanMotionRevPerDay > 0) || !(elements.Eccentricity is >= 0 and < 1))
        {
            errors.Add(at, $"MEAN_MOTION {elements.MeanMotionRevPerDay} and ECCENTRICITY {elements.Eccentricity} are no closed orbit");
            return null;
        }
        var regime = OrbitalRegimeClassifier.Classify(
            EarthConstants.SemiMajorAxisKmFromMeanMotion(elements.MeanMotionRevPerDay), elements.Eccentricity, elements.InclinationDeg);
        return new ReadOrbit(OrbitForm.Omm, text!, elements.Epoch, regime);
    }

    private static ReadOrbit? ReadOem(string at, string? text, int noradCatId, ValidationErrors errors)
    {
        if (!Present(at, text, "OEM", errors))
        {
            return null;
        }
        if (!OemReader.TryRead(text!, out var oem, out var problems))
        {
            errors.Add(at, Problems(problems));
            return null;
        }
        var segment = oem!.Segments.FirstOrDefault(s => s.States.Count > 0);
        if (segment is null)
        {
            errors.Add(at, "has no ephemeris data lines");
            return null;
        }
        // Read as screening will use it: a registration screening cannot propagate is refused here, not found out
        // later (centre, frame, time system, interpolation, state order and spacing; OemTrajectory says which).
        if (!OemTrajectory.TryMap(oem, noradCatId, out var trajectory, out var unusable))
        {
            errors.Add(at, string.Join("; ", unusable.Take(MaxProblemsNamed).Select(p => Shorten(p.ToString()))));
            return null;
        }
        var metadata = segment.Metadata;
        if (noradCatId != 0 && int.TryParse(metadata.ObjectId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var given)
            && given != noradCatId)
        {
            errors.Add(at, $"OBJECT_ID {given} is not the object's catalogue number ({noradCatId})");
            return null;
        }
        var epoch = trajectory!.Ephemeris!.Start;
        if (trajectory.StateAt(epoch, out var first) != Orbits.Propagation.Sgp4Error.None
            || OsculatingElements.FromState(first) is not { Eccentricity: < 1 } elements)
        {
            errors.Add(at, "the first state is not on a closed orbit about the Earth");
            return null;
        }
        var regime = OrbitalRegimeClassifier.Classify(elements.SemiMajorAxisKm, elements.Eccentricity, elements.InclinationDeg);
        return new ReadOrbit(OrbitForm.Oem, text!, epoch, regime);
    }

    private static bool Present(string at, string? text, string kind, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(at, $"is required: a CCSDS {kind} in KVN or XML");
            return false;
        }
        if (text.Length > MaxTextLength)
        {
            errors.Add(at, $"is {text.Length} characters long; at most {MaxTextLength} allowed");
            return false;
        }
        return true;
    }

    private static string Problems(IReadOnlyList<CcsdsError> problems)
    {
        var named = problems.Take(MaxProblemsNamed).Select(p => Shorten(p.ToString()));
        var more = problems.Count > MaxProblemsNamed ? $"; and {problems.Count - MaxProblemsNamed} more" : "";
        return string.Join("; ", named) + more;
    }

    // Errors quote the values they refuse, which may be as long as the message.
    private static string Shorten(string text) => text.Length <= 300 ? text : text[..297] + "...";
}
