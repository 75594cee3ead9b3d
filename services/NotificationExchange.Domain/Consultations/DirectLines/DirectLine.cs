using System.Text.Json.Serialization;
using NotificationExchange.Domain.Audiences;

namespace NotificationExchange.Domain.Consultations.DirectLines;

/// <summary>
/// A standing line between two organisations: proposed by one, ACTIVE once the other accepts; either may then ring it
/// (an urgent consultation, open at once). There is at most one line per pair of organisations, whichever proposed it.
/// Its two sides and purpose never change, and an ACTIVE line stays ACTIVE.
/// </summary>
public sealed record DirectLine(
    string Id,
    string ProposedBy,
    string Counterpart,
    DirectLineState State,
    string Purpose,
    DateTime ProposedAt,
    DateTime? ActivatedAt)
{
    /// <summary>Whether the organisation is one of the line's two sides: to anyone else the line does not exist.</summary>
    public bool Joins(string organizationId) => ProposedBy == organizationId || Counterpart == organizationId;

    /// <summary>The side that is not <paramref name="organizationId"/>.</summary>
    public string OtherSide(string organizationId) => organizationId == ProposedBy ? Counterpart : ProposedBy;

    /// <summary>
    /// The line as the change that made <paramref name="version"/> answered it (1 the proposal, 2 the acceptance): what
    /// a retry of that request is answered. Nothing of a line changes but its activation, so this is exact.
    /// </summary>
    public DirectLine AsOfVersion(int version) => version == 1 ? this with { State = DirectLineState.Proposed, ActivatedAt = null } : this;

    /// <summary>1 while proposed, 2 once active: the version its log entry and a remembered request name.</summary>
    [JsonIgnore]
    public int Version => State == DirectLineState.Active ? 2 : 1;

    /// <summary>Who may see the line and its events: its two sides.</summary>
    [JsonIgnore]
    public EventAudience Audience => EventAudience.Of([ProposedBy, Counterpart]);
}
