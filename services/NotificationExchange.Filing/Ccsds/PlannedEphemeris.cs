using NotificationExchange.Ccsds;
using NotificationExchange.Ccsds.Oem;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Filing.Ccsds;

/// <summary>A maneuver's planned ephemeris: an OEM of the same object that covers the execution window.</summary>
public static class PlannedEphemeris
{
    public static Attachment? Read(string? text, ManeuverNotice maneuver, string field, ValidationErrors errors)
    {
        if (CcsdsMessages.Read(text, field, errors, NdmMessageType.Oem) is not OemMessage oem)
        {
            return null;
        }
        var before = errors.Violations.Count;
        foreach (var segment in oem.Segments)
        {
            var designator = segment.Metadata.ObjectId;
            if (maneuver.Object?.CosparId is { } cospar && designator.Length > 0 && !designator.Equals("UNKNOWN", StringComparison.OrdinalIgnoreCase)
                && !designator.Equals(cospar, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(field, $"OBJECT_ID {designator} is not the maneuvering object {cospar}");
            }
        }
        var spans = oem.Segments
            .Select(s => (Start: CcsdsMessages.ToUtc(s.Metadata.StartTime, s.Metadata.TimeSystem, field, errors),
                Stop: CcsdsMessages.ToUtc(s.Metadata.StopTime, s.Metadata.TimeSystem, field, errors)))
            .ToList();
        if (errors.Violations.Count > before)
        {
            return null;
        }
        if (maneuver.ExecutionWindow is { Start: { } start, End: { } end }
            && (spans.Min(s => s.Start) > start || spans.Max(s => s.Stop) < end))
        {
            errors.Add(field, $"covers {spans.Min(s => s.Start):yyyy-MM-ddTHH:mm:ssZ} to {spans.Max(s => s.Stop):yyyy-MM-ddTHH:mm:ssZ}, not the whole execution window {start:yyyy-MM-ddTHH:mm:ssZ} to {end:yyyy-MM-ddTHH:mm:ssZ}");
            return null;
        }
        return new Attachment(AttachmentRole.PlannedEphemeris, CcsdsMessages.MediaType(NdmMessageType.Oem, CcsdsMessages.SyntaxOf(text!)), text!);
    }
}
