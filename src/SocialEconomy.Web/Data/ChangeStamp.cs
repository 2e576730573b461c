using SocialEconomy.Domain.Organization;

namespace SocialEconomy.Web.Data;

/// <summary>
/// A token that every save touching some kind of data replaces, in the same transaction as
/// the change. Readers that keep a copy of that data (<see cref="PlanSnapshots"/>) key it by
/// the token, so a copy is never used after a change committed by any process or server
/// sharing the database.
///
/// Each government has its own stamps ("planning:12"), so that one district's save retires
/// only its own copies, not the country's; the two global stamps ("planning", "results") are
/// part of every key and are replaced by the system's saves (seeding, set-up, tests writing
/// directly), which are not scoped to one government. Government stamps are written by an
/// upsert (<see cref="ChangeStampWriter"/>): a government's rows appear with its first save.
/// </summary>
public sealed class ChangeStamp
{
    /// <summary>The stamp of the plan model: plans, their structure and yearly tables, revisions, and department names.</summary>
    public const string Planning = "planning";

    /// <summary>The stamp of the yearly results: their figures, statuses, narratives and attachments.</summary>
    public const string Results = "results";

    /// <summary>The tokens of the seeded rows; any value works, the rows only have to exist.</summary>
    public static readonly Guid InitialToken = new("6f1f4a52-3c1e-4c55-9d36-0d8a2b7c9e10");

    public static readonly Guid InitialResultsToken = new("2b8e7d40-5a61-4f0e-8c3b-91d4e6a7f532");

    public required string Name { get; init; }

    public Guid Token { get; set; }

    /// <summary>The stamp of one government's data of that kind (<see cref="Planning"/> or <see cref="Results"/>).</summary>
    public static string Of(string kind, int governmentId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kind}:{governmentId}");

    /// <summary>The stamp a change to an entity of this type replaces, or null when no snapshot holds such entities.</summary>
    public static string? For(Type clrType)
    {
        ArgumentNullException.ThrowIfNull(clrType);
        // Governments too: every copy shows its departments with their government's short name.
        return clrType == typeof(Department) || clrType == typeof(LocalGovernment) || clrType.Namespace == typeof(Domain.Planning.BasicPlan).Namespace ? Planning
            : clrType.Namespace == typeof(Domain.Results.YearResult).Namespace ? Results
            : null;
    }
}
