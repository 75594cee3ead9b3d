namespace NotificationExchange.Ccsds.Syntax;

/// <summary>The keywords of one block type (a metadata section, a state vector, a maneuver, ...) and their binding to a model class.</summary>
internal sealed class BlockMap<T>(string name) where T : CcsdsBlock, new()
{
    private readonly List<Field<T>> _fields = [];
    private readonly Dictionary<string, Field<T>> _byKeyword = [];

    public string Name { get; } = name;

    public IReadOnlyList<Field<T>> Fields => _fields;

    public bool Owns(string keyword) => _byKeyword.ContainsKey(keyword);

    public FlatBlock AsFlatBlock(string? startKeyword = null) => new(Name, Owns, startKeyword);

    public BlockMap<T> Add(Field<T> field)
    {
        _fields.Add(field);
        _byKeyword.Add(field.Keyword, field);
        return this;
    }

    public BlockMap<T> Text(string keyword, Func<T, string?> get, Action<T, string> set, bool mandatory = false, string? sinceVersion = null) =>
        Add(Values.TextField(keyword, get, set, mandatory, sinceVersion));

    public BlockMap<T> Number(string keyword, string? unit, Func<T, double?> get, Action<T, double> set, bool mandatory = false,
        Func<double, string?>? check = null, string? sinceVersion = null) =>
        Add(Values.NumberField(keyword, unit, get, set, mandatory, check, sinceVersion));

    public BlockMap<T> Integer(string keyword, Func<T, long?> get, Action<T, long> set, bool mandatory = false,
        Func<long, string?>? check = null, string? sinceVersion = null) =>
        Add(Values.IntegerField(keyword, get, set, mandatory, check, sinceVersion));

    public BlockMap<T> Time(string keyword, Func<T, CcsdsTime?> get, Action<T, CcsdsTime> set, bool mandatory = false,
        bool allowRelative = false, string? sinceVersion = null, bool announcedLeapSecond = false) =>
        Add(Values.TimeField(keyword, get, set, mandatory, allowRelative, sinceVersion, announcedLeapSecond));

    public BlockMap<T> Frame(string keyword, FrameKinds kinds, Func<T, string?> get, Action<T, string> set, bool mandatory = false) =>
        Add(Values.ChoiceField(keyword, get, set, mandatory, value => CcsdsVocabulary.IsKnownFrame(value, kinds)
            ? null : (CcsdsErrorKind.UnknownFrame, $"'{value}' is not a known reference frame")));

    public BlockMap<T> TimeSystem(string keyword, Func<T, string?> get, Action<T, string> set, bool mandatory = false) =>
        Add(Values.ChoiceField(keyword, get, set, mandatory, value => CcsdsTimeSystems.IsKnown(value)
            ? null : (CcsdsErrorKind.UnknownTimeSystem, $"'{value}' is not a CCSDS time system")));

    public BlockMap<T> Designator(string keyword, Func<T, string?> get, Action<T, string> set, bool mandatory = false) =>
        Add(Values.ChoiceField(keyword, get, set, mandatory, value => CcsdsVocabulary.IsInternationalDesignator(value)
            ? null : (CcsdsErrorKind.BadDesignator, $"'{value}' is not an international designator (YYYY-NNNP{{PP}}, such as 1998-067A)")));

    /// <summary>
    /// A value from a closed set. <paramref name="aliases"/> maps a spelling a producer in use writes to the standard's
    /// value: it is read as that value, and only the standard's form is ever written.
    /// </summary>
    public BlockMap<T> Choice(string keyword, IReadOnlyCollection<string> allowed, Func<T, string?> get, Action<T, string> set, bool mandatory = false,
        IReadOnlyDictionary<string, string>? aliases = null)
    {
        var field = Values.ChoiceField(keyword, get, set, mandatory, value => allowed.Contains(value)
            ? null : (CcsdsErrorKind.InvalidValue, $"'{value}' is not one of {string.Join(", ", allowed)}"));
        if (aliases is null)
        {
            return Add(field);
        }
        // the field itself, reading an alias as the standard's value: everything else (unit, first version, ...) is kept
        return Add(field with
        {
            Parse = (entry, context) => field.Parse(aliases.TryGetValue(entry.Value, out var standard) ? entry.WithValue(standard) : entry, context),
        });
    }

    /// <summary>
    /// A block of <paramref name="node"/>'s entries, every error reported. A missing node (or one without entries)
    /// reads as an empty block; when the block has mandatory keywords that is one error, located at
    /// <paramref name="where"/> (or at the empty node), not one per keyword it lacks.
    /// </summary>
    public T Read(Node? node, ReadContext context, SourceLocation where)
    {
        var model = new T();
        var hasEntries = node?.Entries.Any() == true;
        if (!hasEntries)
        {
            var mandatory = _fields.Where(f => f.Mandatory && (f.SinceVersion is null || !IsBefore(context.Version, f.SinceVersion))).Select(f => f.Keyword).ToList();
            if (mandatory.Count > 0)
            {
                context.Error(CcsdsErrorKind.MissingMandatoryKeyword, node?.Location ?? where, mandatory[0],
                    $"the {Name} block is {(node is null ? "missing" : "empty")}: {string.Join(", ", mandatory)} {(mandatory.Count == 1 ? "is" : "are")} mandatory");
            }
        }
        if (node is null)
        {
            return model;
        }
        model.Locate(node.Location);
        model.Comments.AddRange(node.Comments);
        var seen = new HashSet<string>();
        foreach (var entry in node.Entries)
        {
            if (!_byKeyword.TryGetValue(entry.Keyword, out var field))
            {
                if (!model.AcceptUnknown(entry, context))
                {
                    context.Error(CcsdsErrorKind.UnknownKeyword, entry.Location, entry.Keyword, $"{entry.Keyword} is not a keyword of {Name}");
                }
                continue;
            }
            if (!seen.Add(entry.Keyword))
            {
                context.Error(CcsdsErrorKind.DuplicateKeyword, entry.Location, entry.Keyword, $"{entry.Keyword} is given more than once in {Name}");
                continue;
            }
            if (field.SinceVersion is { } since && IsBefore(context.Version, since))
            {
                context.Error(CcsdsErrorKind.KeywordNotInVersion, entry.Location, entry.Keyword,
                    $"{entry.Keyword} first appears in version {since}; this message declares version {context.Version}");
                continue;
            }
            if (field.IsEmpty(entry))
            {
                if (field.Mandatory)
                {
                    context.Error(CcsdsErrorKind.MissingMandatoryKeyword, entry.Location, entry.Keyword, $"mandatory {entry.Keyword} has no value");
                }
                continue;
            }
            if (field.Parse(entry, context) is { } value)
            {
                field.Set(model, value);
                model.Locate(entry.Keyword, entry.Location);
            }
        }
        foreach (var field in _fields.Where(f => hasEntries && f.Mandatory && !seen.Contains(f.Keyword)))
        {
            if (field.SinceVersion is null || !IsBefore(context.Version, field.SinceVersion))
            {
                context.Error(CcsdsErrorKind.MissingMandatoryKeyword, node.Location, field.Keyword, $"mandatory {field.Keyword} is missing from {Name}");
            }
        }
        return model;
    }

    /// <summary>The optional block of this map's name in <paramref name="parent"/>; null when there is none.</summary>
    public T? ReadOptional(Node? parent, ReadContext context) =>
        parent?.Child(Name) is { } node ? Read(node, context, node.Location) : null;

    /// <summary>The block as a node: comments, then each present keyword in the standard's order.</summary>
    public Node Write(T model, string? nodeName = null)
    {
        var node = new Node(nodeName ?? Name, default);
        WriteInto(model, node);
        return node;
    }

    /// <summary>Adds an optional block to <paramref name="parent"/> when there is one.</summary>
    public void WriteOptional(Node parent, T? model)
    {
        if (model is not null)
        {
            parent.Items.Add(Write(model));
        }
    }

    public void WriteInto(T model, Node node)
    {
        node.Comments.AddRange(model.Comments);
        foreach (var field in _fields)
        {
            if (field.Get(model) is not { } value || value is string { Length: 0 })
            {
                continue;
            }
            if (value is double number && !double.IsFinite(number))
            {
                node.Refuse(field.Keyword, $"{number} is not a number a CCSDS message can hold");
                continue;
            }
            node.Add(field.Keyword, field.Format(value), field.Unit);
        }
        model.WriteExtra(node);
    }

    private static bool IsBefore(string version, string since) =>
        decimal.TryParse(version, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var declared)
        && decimal.TryParse(since, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var first)
        && declared < first;
}
