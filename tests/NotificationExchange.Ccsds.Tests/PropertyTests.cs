using FsCheck;
using FsCheck.Fluent;
using NotificationExchange.Ccsds.Cdm;
using NotificationExchange.Ccsds.Ocm;
using NotificationExchange.Ccsds.Odm;
using NotificationExchange.Ccsds.Oem;
using NotificationExchange.Ccsds.Omm;
using NotificationExchange.Ccsds.Opm;
using NotificationExchange.Ccsds.Syntax;
using NUnit.Framework;

namespace NotificationExchange.Ccsds.Tests;

/// <summary>
/// FsCheck properties: randomly generated messages of each type, written as KVN and as XML, read back to the same
/// content. Run from ordinary NUnit tests: a failing property throws with its (shrunk) counterexample.
/// </summary>
public class PropertyTests
{
    // a fixed seed keeps the suite deterministic; change it (or remove WithReplay) to explore other inputs
    private static readonly Config _config = Config.QuickThrowOnFailure.WithMaxTest(100).WithQuietOnSuccess(true)
        .WithReplay(new Replay(new Rnd(20240214UL, 7UL), null));

    private static void Check<T>(Gen<T> generator, Action<T> property) => Prop.ForAll(generator.ToArbitrary(), property).Check(_config);

    private static void RoundTrips(string type, object message)
    {
        var content = Messages.Content(type, message);
        foreach (var syntax in new[] { CcsdsSyntax.Kvn, CcsdsSyntax.Xml })
        {
            var text = Messages.Write(message, syntax);
            // a CDM whose covariance is not known is written without it: read it back with the leniency that allows that
            var backMessage = message is CdmMessage ? CdmReader.Read(text, new CcsdsReadOptions { AllowMissingCdmCovariance = true })
                : Messages.Read(type, text);
            var differences = NodeDiff.Compare(content, Messages.Content(type, backMessage));
            differences.AddRange(DeepEquality.Differences(message, backMessage));
            if (differences.Count > 0)
            {
                throw new AssertionException($"{syntax} round trip changed the content:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}{Environment.NewLine}{text}");
            }
        }
    }

    [Test]
    public void Ccsds_times_survive_their_text_form() => Check(Generators.Time(), time =>
    {
        var text = time.ToString();
        var back = CcsdsTime.Parse(text);
        if (back != time || back.ToString() != text)
        {
            throw new AssertionException($"{text} read back as {back}");
        }
    });

    [Test]
    public void Generated_omms_survive_writing_and_reading() => Check(Generators.Omm(), omm => RoundTrips("omm", omm));

    [Test]
    public void Generated_opms_with_maneuvers_survive_writing_and_reading() => Check(Generators.Opm(), opm => RoundTrips("opm", opm));

    [Test]
    public void Generated_oems_survive_writing_and_reading() => Check(Generators.Oem(), oem => RoundTrips("oem", oem));

    [Test]
    public void Generated_ocms_survive_writing_and_reading() => Check(Generators.Ocm(), ocm => RoundTrips("ocm", ocm));

    [Test]
    public void Generated_cdms_survive_writing_and_reading() => Check(Generators.Cdm(), cdm => RoundTrips("cdm", cdm));
}

/// <summary>Generators of valid messages.</summary>
internal static class Generators
{
    private static readonly string[] _celestialFrames = ["EME2000", "GCRF", "ICRF", "ITRF2014", "ITRF-97", "TEME", "TOD", "J2000"];
    private static readonly string[] _maneuverFrames = ["RTN", "RSW", "TNW", "QSW", "EME2000", "GCRF"];
    private static readonly string[] _timeSystems = ["UTC", "TAI", "TT", "GPS", "TDB"];
    private const string TextCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz0123456789 -./()@,:&<>'\"+_#";

    public static Gen<CcsdsTime> Time() =>
        from year in Gen.Choose(1958, 2080)
        from day in Gen.Choose(0, 364)
        from seconds in Gen.Choose(0, 86399)
        from microseconds in Gen.Choose(0, 999999)
        from tenths in Gen.Choose(0, 9)
        from dayOfYear in Gen.Elements(false, true)
        select CcsdsTime.FromDateTime(new DateTime(year, 1, 1).AddDays(day).AddSeconds(seconds).AddTicks(microseconds * 10L + tenths),
            dayOfYear ? CcsdsTimeForm.DayOfYear : CcsdsTimeForm.Calendar);

    public static Gen<double> Number() =>
        from mantissa in Gen.Choose(-999_999_999, 999_999_999)
        from exponent in Gen.Choose(-14, 4)
        select mantissa * Math.Pow(10, exponent);

    public static Gen<double> NonNegative() => Number().Select(Math.Abs);

    public static Gen<double> Angle() => Gen.Choose(0, 359_999_999).Select(value => value / 1e6);

    public static Gen<string> Text() =>
        from length in Gen.Choose(1, 24)
        from characters in Gen.ArrayOf(Gen.Elements(TextCharacters.ToCharArray()), length)
        let text = new string(characters).Trim()
        select text.Length == 0 ? "X" : text;

    public static Gen<string?> Maybe(Gen<string> generator) => Gen.OneOf(Gen.Constant<string?>(null), generator.Select(value => (string?)value));

    public static Gen<double?> Maybe(Gen<double> generator) => Gen.OneOf(Gen.Constant<double?>(null), generator.Select(value => (double?)value));

    public static Gen<CcsdsTime?> Maybe(Gen<CcsdsTime> generator) => Gen.OneOf(Gen.Constant<CcsdsTime?>(null), generator.Select(value => (CcsdsTime?)value));

    public static Gen<List<string>> Comments() => Gen.Choose(0, 2).SelectMany(count => Gen.ListOf(Text(), count)).Select(list => list.ToList());

    public static Gen<string> Designator() =>
        from year in Gen.Choose(1957, 2099)
        from launch in Gen.Choose(1, 999)
        from piece in Gen.Elements("A", "B", "AB", "ZZZ", "K")
        select $"{year}-{launch:000}{piece}";

    public static Gen<OdmHeader> Header(string version) =>
        from comments in Comments()
        from created in Time()
        from originator in Text()
        from messageId in version == "3.0" ? Maybe(Text()) : Gen.Constant<string?>(null)
        select new OdmHeader { Version = version, Comments = comments, CreationDate = created, Originator = originator, MessageId = messageId };

    public static Gen<CartesianCovariance> Covariance(bool withEpoch) =>
        from terms in Gen.ArrayOf(Number(), 21)
        from frame in Gen.Elements<string?>(null, "RTN", "TNW", "EME2000")
        from epoch in Time()
        from comments in Comments()
        select new CartesianCovariance { LowerTriangle = terms, CovRefFrame = frame, Epoch = withEpoch ? epoch : null, Comments = comments };

    public static Gen<UserDefinedParameters?> UserDefined() =>
        from count in Gen.Choose(0, 2)
        from values in Gen.ListOf(Text(), count)
        select count == 0 ? null : new UserDefinedParameters { Parameters = [.. values.Select((value, index) => new KeyValuePair<string, string>($"P{index}", value))] };

    public static Gen<OmmMessage> Omm() =>
        from version in Gen.Elements("2.0", "3.0")
        from header in Header(version)
        from name in Text()
        from id in Designator()
        from timeSystem in Gen.Elements(_timeSystems)
        from epoch in Time()
        from meanMotion in Gen.Choose(1, 17_000_000).Select(value => value / 1e6)
        from eccentricity in Gen.Choose(0, 999_999).Select(value => value / 1e6)
        from inclination in Gen.Choose(0, 180_000).Select(value => value / 1e3)
        from angles in Gen.ArrayOf(Angle(), 3)
        from gm in Maybe(Gen.Constant(398600.4418))
        from norad in Gen.Choose(1, 999_999)
        from elementSet in Gen.Choose(0, 9999)
        from revolutions in Gen.Choose(0, 99_999)
        from drag in Gen.ArrayOf(Number(), 3)
        from classification in Gen.Elements<string?>(null, "U", "C")
        from user in UserDefined()
        select new OmmMessage
        {
            Header = header,
            Metadata = new OmmMetadata { ObjectName = name, ObjectId = id, TimeSystem = timeSystem, MeanElementTheory = "SGP4", RefFrame = "TEME" },
            MeanElements = new MeanElements
            {
                Epoch = epoch,
                MeanMotion = meanMotion,
                Eccentricity = eccentricity,
                Inclination = inclination,
                RaOfAscNode = angles[0],
                ArgOfPericenter = angles[1],
                MeanAnomaly = angles[2],
                Gm = gm,
            },
            TleParameters = new TleParameters
            {
                ClassificationType = classification,
                NoradCatId = norad,
                ElementSetNo = elementSet,
                RevAtEpoch = revolutions,
                Bstar = drag[0],
                MeanMotionDot = drag[1],
                MeanMotionDdot = drag[2],
            },
            UserDefined = user,
        };

    public static Gen<OpmManeuver> OpmManeuver() =>
        from ignition in Time()
        from duration in Maybe(NonNegative())
        from deltaMass in Maybe(NonNegative().Select(value => -value))
        from frame in Gen.Elements(_maneuverFrames)
        from dv in Gen.ArrayOf(Number(), 3)
        from comments in Comments()
        select new OpmManeuver { EpochIgnition = ignition, Duration = duration, DeltaMass = deltaMass, RefFrame = frame, Dv1 = dv[0], Dv2 = dv[1], Dv3 = dv[2], Comments = comments };

    public static Gen<OpmMessage> Opm() =>
        from version in Gen.Elements("2.0", "3.0")
        from header in Header(version)
        from name in Text()
        from id in Designator()
        from frame in Gen.Elements(_celestialFrames)
        from timeSystem in Gen.Elements(_timeSystems)
        from epoch in Time()
        from state in Gen.ArrayOf(Number(), 6)
        from stateComments in Comments()
        from withElements in Gen.Elements(false, true)
        from useTrueAnomaly in Gen.Elements(false, true)
        from elements in Gen.ArrayOf(Angle(), 4)
        from spacecraft in Gen.OneOf(Gen.Constant<SpacecraftParameters?>(null),
            from mass in NonNegative()
            from area in Maybe(NonNegative())
            from coefficient in Maybe(Number())
            select (SpacecraftParameters?)new SpacecraftParameters { Mass = mass, DragArea = area, DragCoeff = coefficient })
        from covariance in Gen.OneOf(Gen.Constant<CartesianCovariance?>(null), Covariance(false).Select(value => (CartesianCovariance?)value))
        from maneuverCount in Gen.Choose(0, 3)
        from maneuvers in Gen.ListOf(OpmManeuver(), maneuverCount)
        from user in UserDefined()
        select new OpmMessage
        {
            Header = header,
            Metadata = new OpmMetadata { ObjectName = name, ObjectId = id, RefFrame = frame, TimeSystem = timeSystem },
            StateVector = new StateVector
            {
                Epoch = epoch,
                X = state[0],
                Y = state[1],
                Z = state[2],
                XDot = state[3],
                YDot = state[4],
                ZDot = state[5],
                Comments = stateComments,
            },
            KeplerianElements = withElements
                ? new KeplerianElements
                {
                    SemiMajorAxis = 7000 + elements[0],
                    Eccentricity = elements[1] / 1000,
                    Inclination = elements[2] / 2,
                    RaOfAscNode = elements[3],
                    ArgOfPericenter = elements[0],
                    Gm = 398600.4415,
                    TrueAnomaly = useTrueAnomaly ? elements[1] : null,
                    MeanAnomaly = useTrueAnomaly ? null : elements[1],
                }
                : null,
            SpacecraftParameters = spacecraft,
            Covariance = covariance,
            Maneuvers = [.. maneuvers],
            UserDefined = user,
        };

    public static Gen<OemStateVector> OemState(CcsdsTime epoch) =>
        from values in Gen.ArrayOf(Number(), 9)
        from withAcceleration in Gen.Elements(false, true)
        select new OemStateVector
        {
            Epoch = epoch,
            X = values[0],
            Y = values[1],
            Z = values[2],
            XDot = values[3],
            YDot = values[4],
            ZDot = values[5],
            XDdot = withAcceleration ? values[6] : null,
            YDdot = withAcceleration ? values[7] : null,
            ZDdot = withAcceleration ? values[8] : null,
        };

    public static Gen<OemSegment> OemSegment(string timeSystem) =>
        from name in Text()
        from id in Designator()
        from frame in Gen.Elements(_celestialFrames)
        from start in Time()
        from pointCount in Gen.Choose(1, 4)
        from states in Gen.ListOf(OemState(start), pointCount)
        from interpolation in Gen.Elements<string?>(null, "LAGRANGE", "HERMITE")
        from degree in Gen.Choose(1, 9)
        from covarianceCount in Gen.Choose(0, 2)
        from covariances in Gen.ListOf(Covariance(true), covarianceCount)
        from comments in Comments()
        from metadataComments in Comments()
        select new OemSegment
        {
            Metadata = new OemMetadata
            {
                ObjectName = name,
                ObjectId = id,
                RefFrame = frame,
                TimeSystem = timeSystem,
                StartTime = start,
                StopTime = start,
                Interpolation = interpolation,
                InterpolationDegree = interpolation is null ? null : degree,
                Comments = metadataComments,
            },
            DataComments = comments,
            States = [.. states],
            Covariances = [.. covariances],
        };

    public static Gen<OemMessage> Oem() =>
        from version in Gen.Elements("2.0", "3.0")
        from header in Header(version)
        from timeSystem in Gen.Elements(_timeSystems)
        from segmentCount in Gen.Choose(1, 3)
        from segments in Gen.ListOf(OemSegment(timeSystem), segmentCount)
        select new OemMessage { Header = header, Segments = [.. segments] };

    public static Gen<OcmStateLine> StateLine(int count) =>
        from relative in Gen.Elements(false, true)
        from seconds in Gen.Choose(-86400, 864000)
        from absolute in Time()
        from values in Gen.ArrayOf(Number(), count)
        select new OcmStateLine { Time = relative ? CcsdsTime.Relative(seconds / 8.0) : absolute, Values = [.. values] };

    public static Gen<OcmManeuver> OcmManeuver() =>
        from basis in Gen.Elements<string?>(null, "CANDIDATE", "PLANNED", "ANTICIPATED", "TELEMETRY", "DETERMINED", "SIMULATED", "OTHER")
        from purpose in Maybe(Text())
        from frame in Gen.Elements("RTN", "RSW_ROTATING", "TNW_INERTIAL", "EME2000")
        from relative in Gen.Elements(false, true)
        from lineCount in Gen.Choose(0, 3)
        from times in Gen.ListOf(Time(), lineCount)
        from values in Gen.ListOf(Gen.ArrayOf(Number(), 4), lineCount)
        from comments in Comments()
        from index in Gen.Choose(1, 999_999)
        select BuildManeuver(index, basis, purpose, frame, relative, [.. times], [.. values], comments);

    private static OcmManeuver BuildManeuver(int index, string? basis, string? purpose, string frame, bool relative, List<CcsdsTime> times, List<double[]> values, List<string> comments)
    {
        var maneuver = new OcmManeuver
        {
            ManId = $"MAN-{index}",
            ManBasis = basis,
            ManPurpose = purpose,
            ManRefFrame = frame,
            Comments = comments,
            ManComposition = [relative ? "TIME_RELATIVE" : "TIME_ABSOLUTE", "MAN_DURA", "DV_X", "DV_Y", "DV_Z"],
            ManUnits = ["s", "km/s", "km/s", "km/s"],
        };
        for (var line = 0; line < times.Count; line++)
        {
            maneuver.AddLine(relative ? (object)(line * 10.5) : times[line], Math.Abs(values[line][0]), values[line][1], values[line][2], values[line][3]);
        }
        return maneuver;
    }

    public static Gen<OcmMessage> Ocm() =>
        from header in Header("3.0")
        from name in Maybe(Text())
        from designator in Maybe(Designator())
        from operatorName in Maybe(Text())
        from email in Maybe(Text())
        from timeSystem in Gen.Elements(_timeSystems)
        from tzero in Time()
        from trajectoryType in Gen.Elements("CARTP", "CARTPV", "CARTPVA", "KEPLERIAN")
        from lineCount in Gen.Choose(0, 3)
        from lines in Gen.ListOf(StateLine(OcmBinding.ElementCounts[trajectoryType]), lineCount)
        from covarianceLines in Gen.ListOf(StateLine(21), lineCount)
        from maneuverCount in Gen.Choose(0, 2)
        from maneuvers in Gen.ListOf(OcmManeuver(), maneuverCount)
        from mass in Maybe(NonNegative())
        from gm in Maybe(Gen.Choose(1, 500_000).Select(value => (double)value))
        from odEpoch in Maybe(Time())
        select new OcmMessage
        {
            Header = header,
            Metadata = new OcmMetadata
            {
                ObjectName = name,
                InternationalDesignator = designator,
                Operator = operatorName,
                OriginatorEmail = email,
                TimeSystem = timeSystem,
                EpochTzero = tzero,
            },
            Trajectories = [new OcmTrajectory { TrajType = trajectoryType, TrajRefFrame = "EME2000", Lines = [.. lines] }],
            Covariances = lineCount == 0 ? [] : [new OcmCovariance { CovRefFrame = "RTN", CovType = "CARTPV", Lines = [.. covarianceLines] }],
            Maneuvers = [.. maneuvers],
            Physical = mass is null ? null : Section([("WET_MASS", CcsdsNumbers.Format(mass.Value))]),
            Perturbations = gm is null ? null : Section([("GM", CcsdsNumbers.Format(gm.Value)), ("N_BODY_PERTURBATIONS", "MOON, SUN")]),
            OrbitDetermination = odEpoch is null ? null : Section([("OD_ID", "OD-1"), ("OD_METHOD", "BWLS"), ("OD_EPOCH", odEpoch.Value.ToString())]),
        };

    private static OcmKeywordSection Section((string Keyword, string Value)[] values)
    {
        var section = new OcmKeywordSection();
        foreach (var (keyword, value) in values)
        {
            section.Set(keyword, value);
        }
        return section;
    }

    public static Gen<CdmObject> CdmObject(string which) =>
        from designator in Gen.Choose(1, 99999)
        from name in Text()
        from international in Designator()
        from type in Gen.Elements<string?>(null, "PAYLOAD", "ROCKET BODY", "DEBRIS", "UNKNOWN", "OTHER")
        from organization in Maybe(Text())
        from maneuverable in Gen.Elements("YES", "NO", "N/A")
        from frame in Gen.Elements("EME2000", "GCRF", "ITRF")
        from state in Gen.ArrayOf(Number(), 6)
        from withCovariance in Gen.Elements(true, true, false)
        from terms in Gen.ArrayOf(Number(), 45)
        from extended in Gen.Choose(21, 45)
        from observations in Gen.Choose(0, 1000)
        from mass in Maybe(NonNegative())
        from lastObservation in Maybe(Time())
        from comments in Comments()
        select new CdmObject
        {
            Metadata = new CdmObjectMetadata
            {
                Object = which,
                ObjectDesignator = designator.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ObjectName = name,
                InternationalDesignator = international,
                ObjectType = type,
                OperatorOrganization = organization,
                Maneuverable = maneuverable,
                RefFrame = frame,
                Comments = comments,
            },
            OdParameters = lastObservation is null ? null : new CdmOdParameters { TimeLastObStart = lastObservation, ObsUsed = observations },
            AdditionalParameters = mass is null ? null : new CdmAdditionalParameters { Mass = mass },
            StateVector = new CdmStateVector { X = state[0], Y = state[1], Z = state[2], XDot = state[3], YDot = state[4], ZDot = state[5] },
            Covariance = withCovariance ? new CdmCovariance { Terms = [.. terms.Select((term, index) => index < extended ? term : (double?)null)] } : null,
        };

    public static Gen<CdmMessage> Cdm() =>
        from created in Time()
        from originator in Text()
        from messageId in Text()
        from messageFor in Maybe(Text())
        from tca in Time()
        from miss in NonNegative()
        from relative in Gen.ArrayOf(Number(), 6)
        from withRelativeState in Gen.Elements(false, true)
        from screen in Gen.ArrayOf(NonNegative(), 3)
        from shape in Gen.Elements<string?>(null, "ELLIPSOID", "BOX")
        from probability in Maybe(Gen.Choose(0, 1_000_000).Select(value => value / 1e6))
        from object1 in CdmObject("OBJECT1")
        from object2 in CdmObject("OBJECT2")
        from comments in Comments()
        select new CdmMessage
        {
            Header = new CdmHeader { CreationDate = created, Originator = originator, MessageId = messageId, MessageFor = messageFor },
            RelativeMetadata = new CdmRelativeMetadata
            {
                Tca = tca,
                MissDistance = miss,
                Comments = comments,
                RelativePositionR = withRelativeState ? relative[0] : null,
                RelativePositionT = withRelativeState ? relative[1] : null,
                RelativePositionN = withRelativeState ? relative[2] : null,
                RelativeVelocityR = withRelativeState ? relative[3] : null,
                RelativeVelocityT = withRelativeState ? relative[4] : null,
                RelativeVelocityN = withRelativeState ? relative[5] : null,
                ScreenVolumeFrame = shape is null ? null : "RTN",
                ScreenVolumeShape = shape,
                ScreenVolumeX = shape is null ? null : screen[0],
                ScreenVolumeY = shape is null ? null : screen[1],
                ScreenVolumeZ = shape is null ? null : screen[2],
                CollisionProbability = probability,
                CollisionProbabilityMethod = probability is null ? null : "FOSTER-1992",
            },
            Object1 = object1,
            Object2 = object2,
        };
}
