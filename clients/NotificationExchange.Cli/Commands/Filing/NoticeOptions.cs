using System.CommandLine;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>
/// The options that say what a notice contains, one for every field of ManeuverNotice, ProximityOperationNotice and
/// LaunchNotice. The same option means the same thing in every verb: --norad is the object the notice is about (the
/// maneuvering object, the chaser), --window-start/--window-end its activity window (execution, operations or launch
/// window), --tle/--elements that object's orbit. An option sets its field over whatever the notice already says
/// (nothing for a new filing, the current version for an amendment, the file's content with --from); a repeated
/// option (--phase, --burn, --payload, --hazard, --stage) replaces the whole list.
/// </summary>
internal sealed class NoticeOptions
{
    private readonly List<(Option Option, NoticeKind[] Kinds)> _all = [];

    public NoticeOptions(IReadOnlyCollection<NoticeKind> kinds)
    {
        Kinds = kinds;
        var maneuver = new[] { NoticeKind.Maneuver };
        var rpo = new[] { NoticeKind.Rpo };
        var launch = new[] { NoticeKind.Launch };
        var orbiting = new[] { NoticeKind.Maneuver, NoticeKind.Rpo };
        var all = NoticeKinds.All;

        Norad = Add(ValueOptions.Scalar("--norad", "NORAD catalogue number of the object (the maneuvering object; the chaser), digits or Alpha-5", Values.Norad, "NUMBER"), orbiting);
        Cospar = Add(ValueOptions.Text("--cospar", "COSPAR id of the object, YYYY-NNNP (e.g. 1998-067A)", "ID"), orbiting);
        Name = Add(ValueOptions.Text("--name", "Name of the object as catalogued (e.g. ISS (ZARYA))", "TEXT"), orbiting);
        WindowStart = Add(ValueOptions.Reference("--window-start", $"Start of the execution (maneuver), operations (rpo) or launch window: {Values.TimeHelp}", Values.Time, "TIME"), all);
        WindowEnd = Add(ValueOptions.Reference("--window-end", $"End of that window: {Values.TimeHelp}", Values.Time, "TIME"), all);
        Purpose = Add(PurposeOption(kinds), orbiting);
        Remarks = Add(ValueOptions.Text("--remarks", "Remarks, at most 2,000 characters", "TEXT"), [NoticeKind.Maneuver, NoticeKind.Launch]);
        ContactName = Add(ValueOptions.Text("--contact-name", "Point of contact for this event: name (default: your primary contact in the directory, see nxc whoami)", "TEXT"), all);
        ContactOrganization = Add(ValueOptions.Text("--contact-org", "Point of contact: organisation", "TEXT"), all);
        ContactEmail = Add(ValueOptions.Text("--contact-email", "Point of contact: e-mail", "ADDRESS"), all);
        ContactPhone = Add(ValueOptions.Text("--contact-phone", "Point of contact: phone", "NUMBER"), all);
        Tle = Add(ValueOptions.Tle("--tle", "The object's orbit (maneuver: before the burn; rpo: the chaser's) as a TLE: its two lines, each quoted"), orbiting);
        Elements = Add(ValueOptions.Reference("--elements", $"The object's orbit as mean elements instead of a TLE: {Compound.ElementsKeys}", Compound.Elements, "KEY=VALUE,..."), orbiting);

        DeltaV = Add(ValueOptions.Scalar("--delta-v", "Planned velocity change, m/s (computed from --delta-v-rtn when left out; alone, it keeps the direction of the components the notice has)", Values.Number, "M/S"), maneuver);
        DeltaVRtn = Add(ValueOptions.Reference("--delta-v-rtn", "Planned velocity change by component, m/s: R,T,N (radial, in-track, cross-track)", Values.Rtn, "R,T,N"), maneuver);
        ExpectedTle = Add(ValueOptions.Tle("--expected-tle", "The orbit expected after the maneuver as a TLE: its two lines, each quoted"), maneuver);
        ExpectedElements = Add(ValueOptions.Reference("--expected-elements", $"The orbit expected after the maneuver as mean elements: {Compound.ElementsKeys}", Compound.Elements, "KEY=VALUE,..."), maneuver);

        TargetNorad = Add(ValueOptions.Scalar("--target-norad", "NORAD catalogue number of the target, digits or Alpha-5", Values.Norad, "NUMBER"), rpo);
        TargetCospar = Add(ValueOptions.Text("--target-cospar", "COSPAR id of the target", "ID"), rpo);
        TargetName = Add(ValueOptions.Text("--target-name", "Name of the target as catalogued", "TEXT"), rpo);
        TargetOperator = Add(ValueOptions.Text("--target-operator", "The target's operator, if known", "TEXT"), rpo);
        Consent = Add(EnumWords<TargetConsent>.Option("--consent", "Whether the target's operator agreed"), rpo);
        ConsentReference = Add(ValueOptions.Text("--consent-reference", "Where the target's operator agreed (required with --consent cooperative)", "TEXT"), rpo);
        ClosestApproach = Add(ValueOptions.Scalar("--closest-approach", "Closest planned approach to the target, metres (0 for docking)", Values.Number, "M"), rpo);
        KeepOut = Add(ValueOptions.Scalar("--keep-out", "Keep-out radius the chaser respects unless docking, metres", Values.Number, "M"), rpo);
        Phases = Add(ValueOptions.List("--phase", $"One approach phase; repeat in order: {Compound.PhaseKeys}", Compound.Phase, commaLists: false, "KEY=VALUE,..."), rpo);
        AbortPlan = Add(ValueOptions.Text("--abort-plan", "Abort and safe-trajectory plan, at most 4,000 characters", "TEXT"), rpo);
        PurposeDescription = Add(ValueOptions.Text("--purpose-description", "What the operation is for, in words, at most 2,000 characters", "TEXT"), rpo);
        Burns = Add(ValueOptions.List("--burn", $"One planned impulsive burn of the chaser; repeat in time order: {Compound.BurnKeys}", Compound.Burn, commaLists: false, "KEY=VALUE,..."), rpo);

        Vehicle = Add(ValueOptions.Text("--vehicle", "Launch vehicle", "TEXT"), launch);
        Site = Add(ValueOptions.Text("--site", "Launch site name", "TEXT"), launch);
        SiteLocation = Add(ValueOptions.Reference("--site-location", "Launch site location, degrees: LAT,LON", Values.Point, "LAT,LON"), launch);
        Azimuth = Add(ValueOptions.Scalar("--azimuth", "Planned launch azimuth, degrees clockwise from north", Values.Number, "DEG"), launch);
        Payloads = Add(ValueOptions.List("--payload", $"One payload's orbit; repeat for each: {Compound.PayloadKeys}", Compound.Payload, commaLists: false, "KEY=VALUE,..."), launch);
        PayloadCount = Add(ValueOptions.Scalar("--payload-count", "Total number of payloads (default: the number of --payload)", Values.Count, "N"), launch);
        Hazards = Add(ValueOptions.List("--hazard", $"One hazard area; repeat for each: {Compound.HazardKeys}", Compound.Hazard, commaLists: false, "KEY=VALUE,..."), launch);
        Hcoc = Add(ValueOptions.Text("--hcoc", "Reference of the Hague Code of Conduct pre-launch notification", "REF"), launch);
        Stages = Add(ValueOptions.List("--stage", $"One stage left in orbit; repeat for each: {Compound.StageKeys}", Compound.Stage, commaLists: false, "KEY=VALUE,..."), launch);
    }

    public IReadOnlyCollection<NoticeKind> Kinds { get; }

    public Option<uint?> Norad { get; }
    public Option<string?> Cospar { get; }
    public Option<string?> Name { get; }
    public Option<Timestamp?> WindowStart { get; }
    public Option<Timestamp?> WindowEnd { get; }
    public Option<string?> Purpose { get; }
    public Option<string?> Remarks { get; }
    public Option<string?> ContactName { get; }
    public Option<string?> ContactOrganization { get; }
    public Option<string?> ContactEmail { get; }
    public Option<string?> ContactPhone { get; }
    public Option<string[]> Tle { get; }
    public Option<MeanElements?> Elements { get; }
    public Option<double?> DeltaV { get; }
    public Option<RtnVector?> DeltaVRtn { get; }
    public Option<string[]> ExpectedTle { get; }
    public Option<MeanElements?> ExpectedElements { get; }
    public Option<uint?> TargetNorad { get; }
    public Option<string?> TargetCospar { get; }
    public Option<string?> TargetName { get; }
    public Option<string?> TargetOperator { get; }
    public Option<TargetConsent?> Consent { get; }
    public Option<string?> ConsentReference { get; }
    public Option<double?> ClosestApproach { get; }
    public Option<double?> KeepOut { get; }
    public Option<ApproachPhase[]> Phases { get; }
    public Option<string?> AbortPlan { get; }
    public Option<string?> PurposeDescription { get; }
    public Option<PlannedBurn[]> Burns { get; }
    public Option<string?> Vehicle { get; }
    public Option<string?> Site { get; }
    public Option<GeoPoint?> SiteLocation { get; }
    public Option<double?> Azimuth { get; }
    public Option<PayloadOrbit[]> Payloads { get; }
    public Option<uint?> PayloadCount { get; }
    public Option<HazardArea[]> Hazards { get; }
    public Option<string?> Hcoc { get; }
    public Option<StageOrbit[]> Stages { get; }

    /// <summary>Adds the options of this command's kinds to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var (option, kinds) in _all)
        {
            if (kinds.Any(Kinds.Contains))
            {
                command.Options.Add(option);
            }
        }
    }

    /// <summary>Whether any notice option was given.</summary>
    public bool AnyGiven(ParseResult parse) => _all.Any(o => Kinds.Intersect(o.Kinds).Any() && parse.Given(o.Option));

    /// <summary>Refuses (usage error) options given that a notice of <paramref name="kind"/> has no field for.</summary>
    public void CheckApplies(ParseResult parse, NoticeKind kind, string what)
    {
        var misplaced = _all.Where(o => !o.Kinds.Contains(kind) && parse.Given(o.Option)).Select(o => o.Option.Name).ToArray();
        if (misplaced.Length > 0)
        {
            throw new UsageException($"{string.Join(", ", misplaced)}: not a field of {what}, {kind.Described()}");
        }
    }

    /// <summary>Sets the fields the options give on <paramref name="content"/>'s notice (a CCSDS message's
    /// supplement: there, the message wins where both say).</summary>
    public void Apply(ParseResult parse, NoticeContent content)
    {
        if (content.ManeuverFields is { } maneuver)
        {
            Apply(parse, maneuver);
        }
        else if (content.Rpo is { } rpo)
        {
            Apply(parse, rpo);
        }
        else if (content.Launch is { } launch)
        {
            Apply(parse, launch);
        }
    }

    private void Apply(ParseResult parse, ManeuverNotice notice)
    {
        notice.Object = Object(parse, notice.Object, Norad, Cospar, Name);
        notice.ExecutionWindow = Window(parse, notice.ExecutionWindow);
        if (parse.GetValue(Purpose) is { } purpose)
        {
            notice.Purpose = Word<ManeuverPurpose>(Purpose, purpose);
        }
        if (parse.Given(DeltaV) || parse.Given(DeltaVRtn))
        {
            notice.PlannedDeltaV = VelocityChange(parse.GetValue(DeltaV), parse.GetValue(DeltaVRtn) ?? Direction(notice.PlannedDeltaV, parse.GetValue(DeltaV)));
        }
        notice.CurrentOrbit = Orbit(parse, notice.CurrentOrbit, Tle, Elements);
        notice.ExpectedOrbit = Orbit(parse, notice.ExpectedOrbit, ExpectedTle, ExpectedElements);
        notice.Remarks = parse.GetValue(Remarks) ?? notice.Remarks;
        notice.Contact = Contact(parse, notice.Contact);
    }

    private void Apply(ParseResult parse, ProximityOperationNotice notice)
    {
        notice.Chaser = Object(parse, notice.Chaser, Norad, Cospar, Name);
        notice.Target = Object(parse, notice.Target, TargetNorad, TargetCospar, TargetName);
        notice.TargetOperator = parse.GetValue(TargetOperator) ?? notice.TargetOperator;
        notice.Consent = parse.GetValue(Consent) ?? notice.Consent;
        notice.ConsentReference = parse.GetValue(ConsentReference) ?? notice.ConsentReference;
        notice.OperationsWindow = Window(parse, notice.OperationsWindow);
        notice.PlannedClosestApproachM = parse.GetValue(ClosestApproach) ?? notice.PlannedClosestApproachM;
        notice.KeepOutRadiusM = parse.GetValue(KeepOut) ?? notice.KeepOutRadiusM;
        Replace(parse, Phases, notice.Phases);
        notice.AbortPlan = parse.GetValue(AbortPlan) ?? notice.AbortPlan;
        if (parse.GetValue(Purpose) is { } purpose)
        {
            notice.Purpose = Word<ProximityOperationPurpose>(Purpose, purpose);
        }
        notice.PurposeDescription = parse.GetValue(PurposeDescription) ?? notice.PurposeDescription;
        notice.ChaserOrbit = Orbit(parse, notice.ChaserOrbit, Tle, Elements);
        notice.Contact = Contact(parse, notice.Contact);
        Replace(parse, Burns, notice.PlannedManeuvers);
    }

    private void Apply(ParseResult parse, LaunchNotice notice)
    {
        notice.Vehicle = parse.GetValue(Vehicle) ?? notice.Vehicle;
        if (parse.Given(Site) || parse.Given(SiteLocation))
        {
            notice.Site ??= new LaunchSite();
            notice.Site.Name = parse.GetValue(Site) ?? notice.Site.Name;
            notice.Site.Location = parse.GetValue(SiteLocation) ?? notice.Site.Location;
        }
        notice.LaunchWindow = Window(parse, notice.LaunchWindow);
        notice.LaunchAzimuthDeg = parse.GetValue(Azimuth) ?? notice.LaunchAzimuthDeg;
        Replace(parse, Payloads, notice.PayloadOrbits);
        // The total is at least the payloads whose orbits are given; when nobody said, it is those.
        notice.PayloadCount = parse.GetValue(PayloadCount) ?? (notice.PayloadCount == 0 ? (uint)notice.PayloadOrbits.Count : notice.PayloadCount);
        Replace(parse, Hazards, notice.HazardAreas);
        notice.HcocNotificationReference = parse.GetValue(Hcoc) ?? notice.HcocNotificationReference;
        notice.Remarks = parse.GetValue(Remarks) ?? notice.Remarks;
        notice.Contact = Contact(parse, notice.Contact);
        Replace(parse, Stages, notice.StageOrbits);
    }

    /// <summary>Whether the options say anything about the point of contact.</summary>
    public bool ContactGiven(ParseResult parse) =>
        parse.Given(ContactName) || parse.Given(ContactOrganization) || parse.Given(ContactEmail) || parse.Given(ContactPhone);

    private PointOfContact? Contact(ParseResult parse, PointOfContact? contact)
    {
        if (!ContactGiven(parse))
        {
            return contact;
        }
        contact = contact?.Clone() ?? new PointOfContact();
        contact.Name = parse.GetValue(ContactName) ?? contact.Name;
        contact.Organization = parse.GetValue(ContactOrganization) ?? contact.Organization;
        contact.Email = parse.GetValue(ContactEmail) ?? contact.Email;
        contact.Phone = parse.GetValue(ContactPhone) ?? contact.Phone;
        return contact;
    }

    private static SpaceObject? Object(ParseResult parse, SpaceObject? current, Option<uint?> norad, Option<string?> cospar, Option<string?> name)
    {
        if (!parse.Given(norad) && !parse.Given(cospar) && !parse.Given(name))
        {
            return current;
        }
        var changed = current?.Clone() ?? new SpaceObject();
        changed.NoradCatId = parse.GetValue(norad) ?? changed.NoradCatId;
        changed.CosparId = parse.GetValue(cospar) ?? changed.CosparId;
        changed.Name = parse.GetValue(name) ?? changed.Name;
        return changed;
    }

    private TimeWindow? Window(ParseResult parse, TimeWindow? current)
    {
        if (!parse.Given(WindowStart) && !parse.Given(WindowEnd))
        {
            return current;
        }
        var changed = current?.Clone() ?? new TimeWindow();
        changed.Start = parse.GetValue(WindowStart) ?? changed.Start;
        changed.End = parse.GetValue(WindowEnd) ?? changed.End;
        return changed;
    }

    /// <summary>A velocity change: the magnitude given, else that of the components.</summary>
    internal static DeltaV VelocityChange(double? magnitude, RtnVector? components) => new()
    {
        MagnitudeMps = magnitude ?? Math.Sqrt(
            (components!.Radial * components.Radial) + (components.InTrack * components.InTrack) + (components.CrossTrack * components.CrossTrack)),
        ComponentsMps = components,
    };

    /// <summary>The components a new magnitude keeps: those the notice has, scaled to it (an amendment of the size of
    /// a burn keeps its direction); none when it has none.</summary>
    private static RtnVector? Direction(DeltaV? current, double? magnitude)
    {
        if (current?.ComponentsMps is not { } components || magnitude is not { } size)
        {
            return null;
        }
        var norm = Math.Sqrt((components.Radial * components.Radial) + (components.InTrack * components.InTrack) + (components.CrossTrack * components.CrossTrack));
        return norm == 0 ? null : new RtnVector { Radial = components.Radial * size / norm, InTrack = components.InTrack * size / norm, CrossTrack = components.CrossTrack * size / norm };
    }

    /// <summary>An orbit from --tle or --elements (one of them), else <paramref name="current"/>.</summary>
    internal static OrbitSpec? Orbit(ParseResult parse, OrbitSpec? current, Option<string[]> tle, Option<MeanElements?> elements)
    {
        if (parse.Given(tle) && parse.Given(elements))
        {
            throw new UsageException($"{tle.Name} and {elements.Name}: give the orbit one way, not both");
        }
        if (parse.Given(tle))
        {
            var lines = parse.GetValue(tle)!;
            return new OrbitSpec { Tle = new TwoLineElementSet { Line1 = lines[0], Line2 = lines[1] } };
        }
        return parse.GetValue(elements) is { } given ? new OrbitSpec { MeanElements = given } : current;
    }

    private static void Replace<T>(ParseResult parse, Option<T[]> option, Google.Protobuf.Collections.RepeatedField<T> field)
    {
        if (parse.Given(option))
        {
            field.Clear();
            field.Add(parse.GetValue(option)!);
        }
    }

    /// <summary>A purpose word read as the enum of the notice's kind; the option takes the words of every kind.</summary>
    private static T Word<T>(Option option, string text)
        where T : struct, Enum
    {
        try
        {
            return EnumWords<T>.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"{option.Name}: {e.Message}");
        }
    }

    private static Option<string?> PurposeOption(IReadOnlyCollection<NoticeKind> kinds)
    {
        var words = new List<string>();
        var help = new List<string>();
        if (kinds.Contains(NoticeKind.Maneuver))
        {
            words.AddRange(EnumWords<ManeuverPurpose>.Words);
            help.Add($"maneuver: {EnumWords<ManeuverPurpose>.Choices}");
        }
        if (kinds.Contains(NoticeKind.Rpo))
        {
            words.AddRange(EnumWords<ProximityOperationPurpose>.Words);
            help.Add($"rpo: {EnumWords<ProximityOperationPurpose>.Choices}");
        }
        var option = ValueOptions.Text("--purpose", $"What it is for ({string.Join("; ", help)})", "WORD");
        option.CompletionSources.Add([.. words.Distinct()]);
        return option;
    }

    private Option<T> Add<T>(Option<T> option, NoticeKind[] kinds)
    {
        _all.Add((option, kinds));
        return option;
    }
}
