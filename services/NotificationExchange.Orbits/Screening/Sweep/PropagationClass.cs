using System.Runtime.Intrinsics;
using NotificationExchange.Orbits.Propagation;

namespace NotificationExchange.Orbits.Screening.Sweep;

/// <summary>Objects that share a chord length, near-Earth ones four to a vector group, the rest one by one.</summary>
internal sealed class PropagationClass
{
    public PropagationClass(int multiple, PreparedObject[] objects, int[] members)
    {
        Multiple = multiple;
        Members = members;
        var laneable = members.Where(i => objects[i].Trajectory.IsLaneable).ToArray();
        var groups = laneable.Length / 4;
        Groups = new Sgp4Propagator.Lanes[groups];
        GroupOffsets = new Vector256<double>[groups];
        GroupMembers = laneable[..(4 * groups)];
        for (var g = 0; g < groups; g++)
        {
            var t = GroupMembers.AsSpan(4 * g, 4).ToArray().Select(i => objects[i].Trajectory).ToArray();
            Groups[g] = Sgp4Propagator.ToLanes(t[0].InitialPropagator, t[1].InitialPropagator, t[2].InitialPropagator, t[3].InitialPropagator);
            GroupOffsets[g] = Vector256.Create(t[0].InitialOffsetMinutes, t[1].InitialOffsetMinutes, t[2].InitialOffsetMinutes, t[3].InitialOffsetMinutes);
        }
        Singles = [.. members.Except(GroupMembers)];
    }

    /// <summary>The chord's span, in steps.</summary>
    public int Multiple { get; }
    public int[] Members { get; }
    public Sgp4Propagator.Lanes[] Groups { get; }
    public Vector256<double>[] GroupOffsets { get; }
    public int[] GroupMembers { get; }
    public int[] Singles { get; }
}
