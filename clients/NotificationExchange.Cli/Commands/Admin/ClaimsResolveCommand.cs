using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Admin;

/// <summary>nxc admin claims resolve: gives the object to the claimant (its claimed orbit becomes the registration)
/// or rejects the claim, with a note.</summary>
internal static class ClaimsResolveCommand
{
    public static Command Build(VerbContext context)
    {
        var id = new Argument<string>("CLAIM") { Description = "The claim's id, as nxc admin claims list shows it" };
        var award = new Option<bool>("--award") { Description = "Give the object to the claimant" };
        var reject = new Option<bool>("--reject") { Description = "Reject the claim; the holder keeps the object" };
        var note = ValueOptions.Text("--note", "Why, 1 to 2,000 characters", null, required: true);
        return new Command("resolve", "Award an object to its claimant, or reject the claim") { id, award, reject, note }.Runs(context, async (session, cancellationToken) =>
        {
            var (awarded, rejected) = (session.Parse.GetValue(award), session.Parse.GetValue(reject));
            if (awarded == rejected)
            {
                throw new UsageException("resolve: give --award or --reject");
            }
            var claim = await session.Client.Registry.ResolveObjectClaimAsync(
                new ResolveObjectClaimRequest { ClaimId = session.Parse.GetValue(id)!, Award = awarded, Note = session.Parse.GetValue(note)! }, cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Message(claim);
                return ExitCodes.Ok;
            }
            session.Print.Line($"claim {claim.Id} {Words.Enum(claim.State)}: {claim.NoradCatId} {(claim.State == ObjectClaimState.Awarded ? $"now operated by {claim.ClaimantId}" : $"stays with {claim.HolderId}")}");
            return ExitCodes.Ok;
        });
    }
}
