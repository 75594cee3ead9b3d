using NotificationExchange.Ccsds;
using NotificationExchange.Ccsds.Oem;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Filing.Ccsds;

/// <summary>
/// A planned ephemeris: an OEM of the object that moves (a maneuver's object, a proximity operation's chaser) that covers
/// the window in which it moves (the execution or operations window).
/// </summary>
public static class PlannedEphemeris
{
    public static Attachment? Read(string? text, ManeuverNotice maneuver, string field, ValidationErrors errors) =>
        Read(text, new Plan(maneuver.Object, "the maneuvering object", maneuver.ExecutionWindow, "execution window"), field, errors);

    public static Attachment? Read(string? text, ProximityOperationNotice operation, string field, ValidationErrors errors) =>
        Read(text, new Plan(operation.Chaser, "the chaser", operation.OperationsWindow, "operations window"), field, errors);

    // What the ephemeris must describe: which object (as named in refusals), over which window.
    private sealed record Plan(SpaceObjectRef? Object, string ObjectRole, TimeWindow? Window, string WindowName);

    private static Attachment? Read(string? text, Plan plan, string field, ValidationErrors errors)
    {
        // every problem of the ephemeris, then at most as many as an answer can carry
        var problems = new ValidationErrors();
        var attachment = Checked(text, plan, field, problems);
        CcsdsMessages.Transfer(problems, errors);
        return attachment;
    }

    private static Attachment? Checked(string? text, Plan plan, string field, ValidationErrors errors)
    {
        if (CcsdsMessages.Read(text, field, errors, NdmMessageType.Oem) is not OemMessage oem)
        {
            return null;
        }
        var before = errors.Violations.Count;
        foreach (var segment in oem.Segments)
        {
            var designator = segment.Metadata.ObjectId;
            if (plan.Object?.CosparId is { } cospar && designator.Length > 0 && !designator.Equals("UNKNOWN", StringComparison.OrdinalIgnoreCase)
                && !designator.Equals(cospar, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(field, $"OBJECT_ID {designator} is not {plan.ObjectRole} {cospar}");
            }
        }
        if (!CcsdsMessages.ConvertsToUtc(oem.Segments[0].Metadata.TimeSystem, oem.Segments[0].Metadata, field, errors))
        {
            return null;
        }
        var spans = new List<(DateTime Start, DateTime Stop)>();
        foreach (var segment in oem.Segments)
        {
            var metadata = segment.Metadata;
            DateTime? Utc(CcsdsTime time, SourceLocation? location, string keyword) =>
                CcsdsMessages.ToUtc(time, metadata.TimeSystem, location, keyword, field, errors);
            var first = Utc(metadata.StartTime, metadata.LocationOf("START_TIME"), "START_TIME");
            var last = Utc(metadata.StopTime, metadata.LocationOf("STOP_TIME"), "STOP_TIME");
            // every epoch of the ephemeris must be a time the exchange can place, not only its span; the first that is not is enough
            var unplaced = segment.States.Select(s => (s.Epoch, s.Location, Keyword: "EPOCH"))
                .Concat(segment.Covariances.Select(c => (Epoch: c.Epoch ?? metadata.StartTime, Location: c.LocationOf("EPOCH"), Keyword: "EPOCH")))
                .FirstOrDefault(e => !CcsdsTimeSystems.TryToUtc(e.Epoch, metadata.TimeSystem, out _, out _));
            if (unplaced.Keyword is not null)
            {
                Utc(unplaced.Epoch, unplaced.Location, unplaced.Keyword);
            }
            if (first is { } from && last is { } to)
            {
                spans.Add((from, to));
            }
        }
        if (errors.Violations.Count > before)
        {
            return null;
        }
        if (plan.Window is { Start: { } start, End: { } end }
            && (spans.Min(s => s.Start) > start || spans.Max(s => s.Stop) < end))
        {
            errors.Add(field, $"covers {spans.Min(s => s.Start):yyyy-MM-ddTHH:mm:ssZ} to {spans.Max(s => s.Stop):yyyy-MM-ddTHH:mm:ssZ}, not the whole {plan.WindowName} {start:yyyy-MM-ddTHH:mm:ssZ} to {end:yyyy-MM-ddTHH:mm:ssZ}");
            return null;
        }
        return new Attachment(AttachmentRole.PlannedEphemeris, CcsdsMessages.MediaType(NdmMessageType.Oem, NdmReader.DetectSyntax(text!)), text!);
    }
}
