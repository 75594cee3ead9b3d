namespace NotificationExchange.Ccsds.Syntax;

/// <summary>The public face every reader shares: read and throw with every error, or try and hand the errors back.</summary>
internal static class ReaderSupport
{
    public static T Read<T>(string text, CcsdsReadOptions? options, Func<string, ReadContext, T?> read) where T : class
    {
        var context = new ReadContext(options ?? CcsdsReadOptions.Strict);
        var message = read(text, context);
        context.ThrowIfErrors();
        return message ?? throw new InvalidOperationException("a reader returned nothing without reporting an error");
    }

    public static bool TryRead<T>(string text, CcsdsReadOptions? options, Func<string, ReadContext, T?> read, out T? message, out IReadOnlyList<CcsdsError> errors)
        where T : class
    {
        var context = new ReadContext(options ?? CcsdsReadOptions.Strict);
        message = read(text, context);
        errors = context.Errors;
        if (errors.Count > 0)
        {
            message = null;
        }
        return message is not null;
    }

    /// <summary>The one message of an XML text, bound by <paramref name="bind"/>; null when the XML holds none (the error is reported).</summary>
    public static T? ReadSingleXml<T>(string text, string rootName, string versionKeyword, IReadOnlyCollection<string> versions, ReadContext context,
        Func<Node, ReadContext, T> bind) where T : class
    {
        var roots = MessageText.ReadXmlMessages(text, rootName, versionKeyword, versions, context);
        if (roots.Count > 1)
        {
            context.Error(CcsdsErrorKind.MalformedStructure, roots[1].Location, rootName, $"expected one <{rootName}>, found {roots.Count}");
        }
        return roots.Count == 1 ? bind(roots[0], context) : null;
    }
}
