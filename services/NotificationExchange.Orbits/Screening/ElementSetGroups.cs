using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Orbits.Screening;

/// <summary>
/// Objects that follow one path: single element sets equal in every SGP4 field but the catalogue number (docked
/// vehicles carry their station's TLE; lines 1 and 2 then differ only in number, designator, element set and
/// revolution numbers, none of which SGP4 reads). Their states are the same numbers at every time, so they never
/// come close to each other (their range is zero and never has a minimum) and every conjunction one of them has with
/// a third object the others have too, with the same time, miss and frame. A screen runs one representative per
/// group and describes each conjunction for every member.
/// </summary>
internal sealed class ElementSetGroups
{
    private ElementSetGroups(int[] representatives, int[][] members)
    {
        Representatives = representatives;
        Members = members;
    }

    /// <summary>The index of each group's first object, in catalogue order; a lone object is its own group.</summary>
    public int[] Representatives { get; }

    /// <summary>For each representative, the catalogue numbers of its group, the representative's first.</summary>
    public int[][] Members { get; }

    /// <summary>Objects screened as others: those in a group of two or more, less their representatives.</summary>
    public int Folded => Members.Sum(m => m.Length - 1);

    public static ElementSetGroups Of(IReadOnlyList<Trajectory> trajectories)
    {
        var byElements = new Dictionary<Sgp4Elements, int>();
        var representatives = new List<int>();
        var members = new List<List<int>>();
        for (var i = 0; i < trajectories.Count; i++)
        {
            var trajectory = trajectories[i];
            // a path given by an ephemeris, or switching element sets at maneuvers, is its own group
            var key = trajectory.Ephemeris is null && trajectory.SwitchTimes.Count == 0
                ? trajectory.InitialPropagator.Elements with { CatalogNumber = 0 }
                : null;
            if (key is not null && byElements.TryGetValue(key, out var group))
            {
                members[group].Add(trajectory.CatalogNumber);
                continue;
            }
            if (key is not null)
            {
                byElements.Add(key, representatives.Count);
            }
            representatives.Add(i);
            members.Add([trajectory.CatalogNumber]);
        }
        return new ElementSetGroups([.. representatives], [.. members.Select(m => m.ToArray())]);
    }
}
