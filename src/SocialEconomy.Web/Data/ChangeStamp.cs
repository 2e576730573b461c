using SocialEconomy.Domain.Organization;

namespace SocialEconomy.Web.Data;

/// <summary>
/// A token that every save touching some kind of data replaces, in the same transaction as
/// the change. Readers that keep a copy of that data (<see cref="PlanSnapshots"/>) key it by
/// the token, so a copy is never used after a change committed by any process or server
/// sharing the database.
/// </summary>
public sealed class ChangeStamp
{
    /// <summary>The stamp of the plan model: plans, their structure and yearly tables, revisions, and department names.</summary>
    public const string Planning = "planning";

    /// <summary>The token of the seeded row; any value works, the row only has to exist.</summary>
    public static readonly Guid InitialToken = new("6f1f4a52-3c1e-4c55-9d36-0d8a2b7c9e10");

    public required string Name { get; init; }

    public Guid Token { get; set; }

    /// <summary>Whether a change to an entity of this type can change what a plan snapshot holds.</summary>
    public static bool IsPlanning(Type clrType)
    {
        ArgumentNullException.ThrowIfNull(clrType);
        return clrType == typeof(Department) || clrType.Namespace == typeof(Domain.Planning.BasicPlan).Namespace;
    }
}
