using NotificationExchange.Ccsds.Odm;
using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Oem;

/// <summary>The OEM's keyword maps and its binding between the node tree and <see cref="OemMessage"/>, for every syntax.</summary>
internal static class OemBinding
{
    public static readonly MessageKind Kind = new("oem", "CCSDS_OEM_VERS", ["2.0", "3.0"]);

    public static readonly BlockMap<OemMetadata> Metadata = OdmMaps.ObjectMetadata<OemMetadata>()
        .Time("START_TIME", m => m.StartTime, (m, v) => m.StartTime = v, mandatory: true)
        .Time("USEABLE_START_TIME", m => m.UseableStartTime, (m, v) => m.UseableStartTime = v)
        .Time("USEABLE_STOP_TIME", m => m.UseableStopTime, (m, v) => m.UseableStopTime = v)
        .Time("STOP_TIME", m => m.StopTime, (m, v) => m.StopTime = v, mandatory: true)
        .Text("INTERPOLATION", m => m.Interpolation, (m, v) => m.Interpolation = v)
        .Integer("INTERPOLATION_DEGREE", m => m.InterpolationDegree, (m, v) => m.InterpolationDegree = (int)v, check: Checks.InterpolationDegree);

    public static readonly BlockMap<OemStateVector> StateVector = new BlockMap<OemStateVector>("stateVector")
        .Time("EPOCH", m => m.Epoch, (m, v) => m.Epoch = v, mandatory: true)
        .PositionVelocity()
        .Number("X_DDOT", "km/s**2", m => m.XDdot, (m, v) => m.XDdot = v)
        .Number("Y_DDOT", "km/s**2", m => m.YDdot, (m, v) => m.YDdot = v)
        .Number("Z_DDOT", "km/s**2", m => m.ZDdot, (m, v) => m.ZDdot = v);

    /// <summary>The keywords of a KVN covariance matrix (its terms come as lines).</summary>
    private static readonly BlockMap<CartesianCovariance> _kvnCovariance = new BlockMap<CartesianCovariance>("covarianceMatrix")
        .Time("EPOCH", m => m.Epoch, (m, v) => m.Epoch = v, mandatory: true)
        .Frame("COV_REF_FRAME", FrameKinds.Celestial | FrameKinds.OrbitRelative, m => m.CovRefFrame, (m, v) => m.CovRefFrame = v);

    public static OemMessage Bind(Node root, ReadContext context)
    {
        Structure.ExpectOnly(root, context, ["header", "body"], ["segment"]);
        var body = root.Child("body") ?? root;
        Structure.ExpectOnly(root.Child("body"), context, [], ["segment"]);
        var message = new OemMessage { Header = OdmMaps.ReadHeader(root, context) };
        var segments = body.ChildrenNamed("segment").ToList();
        if (segments.Count == 0)
        {
            context.Error(CcsdsErrorKind.MalformedStructure, root.Location, "META_START", "an OEM needs at least one segment");
        }
        foreach (var segmentNode in segments)
        {
            message.Segments.Add(BindSegment(segmentNode, context));
        }
        CheckTimeSystems(message, segments, context);
        return message;
    }

    private static OemSegment BindSegment(Node segmentNode, ReadContext context)
    {
        Structure.ExpectOnly(segmentNode, context, ["metadata", "data"]);
        var data = segmentNode.Child("data");
        Structure.ExpectOnly(data is null ? null : WithoutLines(data), context, [], ["stateVector", "covarianceMatrix"]);
        var segment = new OemSegment
        {
            Metadata = Metadata.Read(segmentNode.Child("metadata"), context, segmentNode.Location),
            DataComments = [.. data?.Comments ?? []],
        };
        var metadataNode = segmentNode.Child("metadata");
        if (segment.Metadata.Interpolation is not null && segment.Metadata.InterpolationDegree is null)
        {
            context.Error(CcsdsErrorKind.MissingMandatoryKeyword, metadataNode?.Location ?? segmentNode.Location, "INTERPOLATION_DEGREE",
                "INTERPOLATION_DEGREE is mandatory when INTERPOLATION is given");
        }
        if (!context.HasErrors && segment.Metadata.StartTime.IsRelative == segment.Metadata.StopTime.IsRelative
            && segment.Metadata.StartTime > segment.Metadata.StopTime)
        {
            context.Error(CcsdsErrorKind.InvalidValue, metadataNode?.Location ?? segmentNode.Location, "STOP_TIME", "STOP_TIME is before START_TIME");
        }
        foreach (var line in data?.Lines ?? [])
        {
            if (ParseStateLine(line, context) is { } state)
            {
                segment.States.Add(state);
            }
        }
        foreach (var node in data?.ChildrenNamed("stateVector") ?? [])
        {
            segment.States.Add(StateVector.Read(node, context, node.Location));
        }
        foreach (var node in data?.ChildrenNamed("covarianceMatrix") ?? [])
        {
            segment.Covariances.Add(node.Lines.Any() || node.Entries.All(entry => entry.Keyword is "EPOCH" or "COV_REF_FRAME")
                ? ReadKvnCovariance(node, context)
                : OdmMaps.OemCovariance.Read(node, context, node.Location));
        }
        return segment;
    }

    private static Node WithoutLines(Node data)
    {
        var copy = new Node(data.Name, data.Location);
        copy.Items.AddRange(data.Items.Where(item => item is not DataLine));
        return copy;
    }

    /// <summary>"epoch x y z vx vy vz [ax ay az]": 7 or 10 values.</summary>
    private static OemStateVector? ParseStateLine(DataLine line, ReadContext context)
    {
        var tokens = line.Tokens;
        if (tokens.Length is not (7 or 10))
        {
            context.Error(CcsdsErrorKind.WrongColumnCount, line.Location, "EPHEMERIS",
                $"an ephemeris line holds 7 values (epoch, position, velocity) or 10 (with acceleration), not {tokens.Length}");
            return null;
        }
        var epoch = Values.ParseTime(tokens[0], false, line.Location, "EPOCH", context);
        var numbers = new double[tokens.Length - 1];
        var ok = epoch is not null;
        for (var index = 1; index < tokens.Length; index++)
        {
            if (!CcsdsNumbers.TryParseDouble(tokens[index], out numbers[index - 1]))
            {
                context.Error(CcsdsErrorKind.UnparsableNumber, line.Location, StateVector.Fields[index].Keyword, $"'{tokens[index]}' is not a number");
                ok = false;
            }
        }
        if (!ok)
        {
            return null;
        }
        var state = new OemStateVector
        {
            Epoch = epoch!.Value,
            X = numbers[0],
            Y = numbers[1],
            Z = numbers[2],
            XDot = numbers[3],
            YDot = numbers[4],
            ZDot = numbers[5],
            XDdot = numbers.Length == 9 ? numbers[6] : null,
            YDdot = numbers.Length == 9 ? numbers[7] : null,
            ZDdot = numbers.Length == 9 ? numbers[8] : null,
        };
        state.Locate(line.Location);
        return state;
    }

    /// <summary>A KVN covariance: EPOCH, COV_REF_FRAME, then the lower triangle in six rows of 1 to 6 values.</summary>
    private static CartesianCovariance ReadKvnCovariance(Node node, ReadContext context)
    {
        var covariance = _kvnCovariance.Read(node, context, node.Location);
        var rows = node.Lines.ToList();
        if (rows.Count != 6)
        {
            context.Error(CcsdsErrorKind.WrongColumnCount, rows.Count > 6 ? rows[6].Location : node.Location, "COVARIANCE",
                $"a covariance matrix has 6 rows, not {rows.Count}");
        }
        var index = 0;
        for (var row = 0; row < Math.Min(rows.Count, 6); row++)
        {
            var tokens = rows[row].Tokens;
            if (tokens.Length != row + 1)
            {
                // row n of the lower triangle holds n values
                context.Error(CcsdsErrorKind.WrongColumnCount, rows[row].Location, "COVARIANCE",
                    $"row {row + 1} of a covariance matrix holds {Values.Count(tokens.Length, "value")}; it must hold {Values.Count(row + 1, "value")}");
                index += row + 1;
                continue;
            }
            foreach (var token in tokens)
            {
                if (!CcsdsNumbers.TryParseDouble(token, out covariance.LowerTriangle[index]))
                {
                    context.Error(CcsdsErrorKind.UnparsableNumber, rows[row].Location, CartesianCovariance.Keywords[index], $"'{token}' is not a number");
                }
                index++;
            }
        }
        return covariance;
    }

    /// <summary>An OEM has one time system: a segment whose TIME_SYSTEM differs from the first segment's is refused.</summary>
    private static void CheckTimeSystems(OemMessage message, List<Node> segments, ReadContext context)
    {
        if (message.Segments.Count == 0)
        {
            return;
        }
        var first = message.Segments[0].Metadata.TimeSystem;
        for (var index = 1; index < message.Segments.Count; index++)
        {
            var timeSystem = message.Segments[index].Metadata.TimeSystem;
            if (timeSystem != first)
            {
                var entry = segments[index].Child("metadata")?.Entries.FirstOrDefault(e => e.Keyword == "TIME_SYSTEM");
                context.Error(CcsdsErrorKind.InconsistentTimeSystems, entry?.Location ?? segments[index].Location, "TIME_SYSTEM",
                    $"segment {index + 1} uses {timeSystem}, segment 1 uses {first}");
            }
        }
    }

    public static Node Write(OemMessage message, CcsdsSyntax syntax)
    {
        var root = OdmMaps.NewRoot(Kind, message.Header);
        var body = root.AddChild("body");
        foreach (var segment in message.Segments)
        {
            var segmentNode = body.AddChild("segment");
            var metadata = Metadata.Write(segment.Metadata);
            metadata.KvnMarker = "META";
            segmentNode.Items.Add(metadata);
            var data = segmentNode.AddChild("data");
            data.Comments.AddRange(segment.DataComments);
            if (syntax == CcsdsSyntax.Xml)
            {
                data.Items.AddRange(segment.States.Select(state => StateVector.Write(state)));
                data.Items.AddRange(segment.Covariances.Select(covariance => OdmMaps.OemCovariance.Write(covariance)));
                continue;
            }
            foreach (var state in segment.States)
            {
                var values = new[] { state.X, state.Y, state.Z, state.XDot, state.YDot, state.ZDot }
                    .Concat(state.XDdot is null ? [] : new[] { state.XDdot.Value, state.YDdot ?? 0, state.ZDdot ?? 0 });
                // the columns after the epoch are the state vector's keywords after EPOCH
                data.AddNumberLine(state.Epoch.ToString(), values, column => StateVector.Fields[column + 1].Keyword);
            }
            if (segment.Covariances.Count > 0)
            {
                var block = data.AddChild("covariance");
                block.KvnMarker = "COVARIANCE";
                foreach (var covariance in segment.Covariances)
                {
                    var matrix = _kvnCovariance.Write(covariance);
                    for (var row = 0; row < 6; row++)
                    {
                        var first = row * (row + 1) / 2;
                        matrix.AddNumberLine(null, covariance.LowerTriangle.Skip(first).Take(row + 1), column => CartesianCovariance.Keywords[first + column]);
                    }
                    block.Items.Add(matrix);
                }
            }
        }
        return root;
    }
}
