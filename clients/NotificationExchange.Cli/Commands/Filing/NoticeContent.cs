using Google.Protobuf;
using Google.Protobuf.Reflection;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>
/// What a filing or an amendment says: one notice (maneuver, proximity operation, launch) or a CCSDS maneuver message
/// with its supplement. FileNotificationRequest and AmendNotificationRequest carry it in the same oneof; this is that
/// oneof, moved between them and read from a stored notification.
/// </summary>
internal sealed class NoticeContent
{
    public ManeuverNotice? Maneuver { get; private init; }

    public ProximityOperationNotice? Rpo { get; private init; }

    public LaunchNotice? Launch { get; private init; }

    public CcsdsManeuverNotice? Ccsds { get; private init; }

    public NoticeKind Kind => Rpo is not null ? NoticeKind.Rpo : Launch is not null ? NoticeKind.Launch : NoticeKind.Maneuver;

    /// <summary>The maneuver notice the options apply to: the notice, or a CCSDS message's supplement.</summary>
    public ManeuverNotice? ManeuverFields => Maneuver ?? Ccsds?.Supplement;

    public static NoticeContent Empty(NoticeKind kind) => kind switch
    {
        NoticeKind.Maneuver => new NoticeContent { Maneuver = new ManeuverNotice() },
        NoticeKind.Rpo => new NoticeContent { Rpo = new ProximityOperationNotice() },
        _ => new NoticeContent { Launch = new LaunchNotice() },
    };

    public static NoticeContent Of(ManeuverNotice notice) => new() { Maneuver = notice };

    public static NoticeContent Of(ProximityOperationNotice notice) => new() { Rpo = notice };

    public static NoticeContent Of(LaunchNotice notice) => new() { Launch = notice };

    /// <summary>A CCSDS maneuver message; what it lacks comes from the supplement, which the options fill.</summary>
    public static NoticeContent OfCcsds(string message) =>
        new() { Ccsds = new CcsdsManeuverNotice { Message = message, Supplement = new ManeuverNotice() } };

    public static NoticeContent? Of(FileNotificationRequest request) => OfContent(request);

    public static NoticeContent? Of(AmendNotificationRequest request) => OfContent(request);

    /// <summary>A copy of a stored notification's content, to amend.</summary>
    public static NoticeContent? Of(Notification notification) => notification.ContentCase switch
    {
        Notification.ContentOneofCase.Maneuver => Of(notification.Maneuver.Clone()),
        Notification.ContentOneofCase.ProximityOperation => Of(notification.ProximityOperation.Clone()),
        Notification.ContentOneofCase.Launch => Of(notification.Launch.Clone()),
        _ => null,
    };

    /// <summary>The point of contact of the notice (of the supplement, for a CCSDS message).</summary>
    public PointOfContact? Contact
    {
        get => ManeuverFields?.Contact ?? Rpo?.Contact ?? Launch?.Contact;
        set
        {
            if (ManeuverFields is { } maneuver)
            {
                maneuver.Contact = value;
            }
            else if (Rpo is not null)
            {
                Rpo.Contact = value;
            }
            else if (Launch is not null)
            {
                Launch.Contact = value;
            }
        }
    }

    public void WriteTo(FileNotificationRequest request) => WriteContent(request);

    public void WriteTo(AmendNotificationRequest request) => WriteContent(request);

    /// <summary>The content oneof of a filing or an amendment, which both declare alike (content: maneuver,
    /// proximity_operation, launch, ccsds_maneuver), read through the message's descriptor.</summary>
    private static NoticeContent? OfContent(IMessage request) => Content(request).Accessor.GetCaseFieldDescriptor(request)?.Accessor.GetValue(request) switch
    {
        ManeuverNotice maneuver => Of(maneuver),
        ProximityOperationNotice rpo => Of(rpo),
        LaunchNotice launch => Of(launch),
        CcsdsManeuverNotice ccsds => new NoticeContent
        {
            Ccsds = new CcsdsManeuverNotice { Message = ccsds.Message, Supplement = ccsds.Supplement ?? new ManeuverNotice() },
        },
        _ => null,
    };

    private void WriteContent(IMessage request)
    {
        var (field, value) = Maneuver is not null ? ("maneuver", (IMessage)Maneuver)
            : Rpo is not null ? ("proximity_operation", Rpo)
            : Launch is not null ? ("launch", Launch)
            : ("ccsds_maneuver", (IMessage)Ccsds!);
        Content(request).Fields.Single(f => f.Name == field).Accessor.SetValue(request, value);
    }

    private static OneofDescriptor Content(IMessage request) => request.Descriptor.Oneofs.Single(o => o.Name == "content");
}
