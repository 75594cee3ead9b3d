using NotificationExchange.Ccsds.Syntax;

namespace NotificationExchange.Ccsds.Cdm;

/// <summary>
/// Writes a CDM as CCSDS KVN or NDM/XML: header, relative metadata (TCA, miss distance, relative state, screening
/// period and volume, probability) and both objects with their metadata, OD and additional parameters, state vector and
/// covariance when known. The text written is read back before it is returned, so a message the standard refuses
/// (a missing mandatory keyword, a value out of range) fails here with every error listed.
/// </summary>
public static class CdmWriter
{
    private static readonly CcsdsReadOptions _check = new() { AllowMissingCdmCovariance = true };

    public static string Write(CdmMessage message, CcsdsSyntax syntax)
    {
        var text = MessageWriting.Write(CdmBinding.Write(message), syntax);
        CdmReader.Read(text, _check);
        return text;
    }
}
