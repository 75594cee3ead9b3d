using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Orbits.Catalog;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Registry;

/// <summary>
/// nxc objects register: registers an object the caller's organisation operates, or replaces its registration
/// (RegisterObject). The orbit comes from exactly one of --tle, --tle-file, --omm, --oem or --from-catalogue. TLE lines
/// given here go to the exchange as they are, which names any fault by line and column; from a catalogue file, the
/// object's element set is picked here (the last one when the file has several) with its name and designator.
/// </summary>
internal static class RegisterCommand
{
    public static Command Build(VerbContext context)
    {
        var norad = ObjectsCommand.NoradArgument();
        var tle = ValueOptions.Tle("--tle", "The orbit as a TLE: its two lines, each quoted");
        var tleFile = ValueOptions.Reference("--tle-file", "The orbit as a TLE file: its two lines, or three with the name first", Values.FilePath, "FILE");
        var omm = ValueOptions.Reference("--omm", "The orbit as a CCSDS OMM file (KVN or XML) with SGP4 mean elements", Values.FilePath, "FILE");
        var oem = ValueOptions.Reference("--oem", "The planned ephemeris as a CCSDS OEM file (KVN or XML)", Values.FilePath, "FILE");
        var catalogue = ValueOptions.Reference("--from-catalogue", "The object's element set from a TLE/3LE catalogue file (e.g. a Space-Track or CelesTrak download)", Values.FilePath, "FILE");
        var name = ValueOptions.Text("--name", "Name as in the catalogue (at most 64 characters); from the file when it has one");
        var cospar = ValueOptions.Text("--cospar", "COSPAR id, YYYY-NNNP{PP} (e.g. 1998-067A); from a catalogue's designator when absent");
        var maneuverable = new Option<bool>("--maneuverable") { Description = "The object can maneuver" };
        var radius = ValueOptions.Scalar("--radius-m", "Radius of a sphere enclosing the object, metres (above 0, at most 1,000): used for the collision probability", Values.Number, "METRES", required: true);
        var sharing = EnumWords<SharingPolicy>.Option("--sharing", "What the other party of an alert sees: derived values only (the default), or also the state at TCA");
        var command = new Command("register", "Register an object you operate (or replace its registration): its orbit, radius and sharing")
        {
            norad, tle, tleFile, omm, oem, catalogue, name, cospar, maneuverable, radius, sharing,
        };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var parse = session.Parse;
            var number = parse.GetValue(norad);
            var sources = new (string Option, object? Value)[]
            {
                ("--tle", parse.GetValue(tle) is { Length: > 0 } lines ? lines : null), ("--tle-file", parse.GetValue(tleFile)), ("--omm", parse.GetValue(omm)),
                ("--oem", parse.GetValue(oem)), ("--from-catalogue", parse.GetValue(catalogue)),
            }.Where(s => s.Value is not null).ToArray();
            if (sources.Length != 1)
            {
                throw new UsageException(sources.Length == 0
                    ? "no orbit: give one of --tle LINE1 LINE2, --tle-file, --omm, --oem or --from-catalogue"
                    : $"{string.Join(" and ", sources.Select(s => s.Option))}: give one orbit");
            }
            var spaceObject = new SpaceObject { NoradCatId = number };
            var orbit = new ObjectOrbit();
            switch (sources[0])
            {
                case ("--tle", string[] tleLines):
                    orbit.Tle = new TwoLineElementSet { Line1 = tleLines[0], Line2 = tleLines[1] };
                    break;
                case ("--tle-file", FileInfo file):
                    (orbit.Tle, spaceObject.Name) = TleFile(Values.ReadFile(file.FullName, "--tle-file"), file);
                    break;
                case ("--omm", FileInfo file):
                    orbit.Omm = Values.ReadFile(file.FullName, "--omm");
                    break;
                case ("--oem", FileInfo file):
                    orbit.Oem = Values.ReadFile(file.FullName, "--oem");
                    break;
                case (_, FileInfo file):
                    (orbit.Tle, spaceObject.Name, spaceObject.CosparId) = FromCatalogue(file, number);
                    break;
            }
            spaceObject.Name = parse.GetValue(name) ?? spaceObject.Name;
            spaceObject.CosparId = parse.GetValue(cospar) ?? spaceObject.CosparId;
            var registered = await session.Client.Registry.RegisterObjectAsync(new RegisterObjectRequest
            {
                Object = spaceObject,
                Maneuverable = parse.GetValue(maneuverable),
                HardBodyRadiusM = parse.GetValue(radius)!.Value,
                Orbit = orbit,
                Sharing = parse.GetValue(sharing) ?? SharingPolicy.DerivedOnly,
            }, cancellationToken);
            session.Print.Answer(registered, $"registered {ObjectText.Summary(registered)}");
            return ExitCodes.Ok;
        });
    }

    /// <summary>A file of one element set: two lines, or three with the name first ("0 NAME" or the bare name).</summary>
    private static (TwoLineElementSet Tle, string Name) TleFile(string text, FileInfo file)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToArray();
        return lines.Length switch
        {
            2 => (new TwoLineElementSet { Line1 = lines[0], Line2 = lines[1] }, ""),
            3 => (new TwoLineElementSet { Line1 = lines[1], Line2 = lines[2] }, lines[0].StartsWith("0 ", StringComparison.Ordinal) ? lines[0][2..].Trim() : lines[0].Trim()),
            _ => throw new UsageException($"--tle-file: {file.FullName} has {lines.Length} lines; a TLE file has 2, or 3 with the name first (--from-catalogue picks one from many)"),
        };
    }

    /// <summary>The object's element set in a TLE/3LE catalogue file (the last one when the file has several).</summary>
    private static (TwoLineElementSet Tle, string Name, string Cospar) FromCatalogue(FileInfo file, uint norad)
    {
        var entries = TleCatalog.Parse(Values.ReadFile(file.FullName, "--from-catalogue")).Entries;
        var tle = entries.LastOrDefault(e => e.Tle.CatalogNumber == norad)?.Tle
            ?? throw new UsageException($"--from-catalogue: {file.FullName} has no valid element set of {norad}");
        // The parser gives the designator as a COSPAR id already (98067A is 1998-067A).
        return (new TwoLineElementSet { Line1 = tle.Line1, Line2 = tle.Line2 }, tle.Name ?? "", tle.InternationalDesignator ?? "");
    }
}
