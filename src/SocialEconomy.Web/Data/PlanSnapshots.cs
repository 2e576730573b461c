using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;

namespace SocialEconomy.Web.Data;

/// <summary>
/// Whole plans, and a plan's results of a year, read once and shared by the pages that show
/// them (plan overview, sub-project, 재정계획, rates, the home dashboard, the printed 기본계획)
/// until they change. Loading a 60-sub-project plan with its tables took about 10 ms of EF
/// Core work per request, and a year's 60 results with their figures about 3 ms
/// (docs/benchmarks.md, "Under load"), while plans change a few times a year and results a
/// few times a day.
///
/// A copy is keyed by its <see cref="ChangeStamp"/>s, the global one and its government's,
/// which every save touching that kind of data replaces in its own transaction: each request
/// reads the two rows first, so a change committed by any process sharing the database is
/// seen by the next request, and one government's save leaves the others' copies in place. The
/// graphs are untracked and shared between requests: callers read them, never change them.
///
/// A copy is built once however many requests want it at the same moment (single flight):
/// after a change, the first request loads it and the others wait for that load instead of
/// each running the same split queries.
/// </summary>
public sealed partial class PlanSnapshots(ILogger<PlanSnapshots> logger) : IDisposable
{
    // Each copy counts 1: the country's 243 governments' plans and a few years of each fit, and
    // copies under an old stamp, never asked for again, age out (docs/benchmarks.md, national).
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 1024 });
    private readonly ConcurrentDictionary<object, Task<object?>> _loading = new();
    private int _loads;

    /// <summary>How many copies have been loaded from the database (for tests and diagnostics).</summary>
    internal int Loads => Volatile.Read(ref _loads);

    /// <summary>The plan with everything any reader of a whole plan shows: structure, departments, indicators with targets, milestones, budget lines with amounts.</summary>
    /// <param name="asGovernment">
    /// Read as that government's own people read it, past the request's filters: only for a
    /// caller that has itself decided the reader may see it (a 시·도 reading a 시·군·구 under
    /// it, Features/Province). The copy is the one that government's readers share.
    /// </param>
    public Task<BasicPlan?> PlanAsync(AppDbContext db, int planId, CancellationToken cancellationToken, int? asGovernment = null) =>
        GetAsync(db, ChangeStamp.Planning, planId, ("plan", planId, 0), asGovernment, () =>
            (asGovernment is { } government ? db.Plans.IgnoreQueryFilters().Where(p => p.LocalGovernmentId == government) : db.Plans).AsNoTracking().AsSplitQuery()
                .Include(p => p.OwningDepartment)
                .Include(p => p.Goals)
                .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.LeadDepartment)
                .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.SharingDepartments)
                .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.BudgetLines).ThenInclude(b => b.Amounts)
                .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.BudgetLines).ThenInclude(b => b.ActionItem)
                .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.ActionItems).ThenInclude(a => a.Indicators).ThenInclude(i => i.Targets)
                .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.ActionItems).ThenInclude(a => a.Milestones).ThenInclude(m => m.Entries)
                .FirstOrDefaultAsync(p => p.Id == planId, cancellationToken), cancellationToken);

    /// <summary>The plan's results of one year with their indicator figures, budget execution, milestone progress and review steps, by sub-project.</summary>
    public async Task<IReadOnlyDictionary<int, YearResult>> YearResultsAsync(AppDbContext db, int planId, int year, CancellationToken cancellationToken, int? asGovernment = null) =>
        (await GetAsync<IReadOnlyDictionary<int, YearResult>>(db, ChangeStamp.Results, planId, ("results", planId, year), asGovernment, async () =>
        {
            var results = await (asGovernment is { } government ? db.YearResults.IgnoreQueryFilters().Where(r => r.SubProject.LeadDepartment.LocalGovernmentId == government) : db.YearResults).AsNoTracking().AsSplitQuery()
                .Include(r => r.Indicators).Include(r => r.Budget).Include(r => r.Milestones).Include(r => r.Events)
                .Where(r => r.Year == year && r.SubProject.Task.PlanId == planId)
                .ToListAsync(cancellationToken);
            return results.ToDictionary(r => r.SubProjectId);
        }, cancellationToken))!;

    public void Dispose() => _cache.Dispose();

    private async Task<T?> GetAsync<T>(AppDbContext db, string kind, int planId, (string Kind, int Id, int Year) what, int? asGovernment, Func<Task<T?>> load, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var names = await StampNamesAsync(db, kind, planId, asGovernment, cancellationToken);
        var stamp = await StampAsync(db, names, cancellationToken);

        // The reader's government is part of the key: a copy is read through the context's
        // government filters, so it is served only to readers of the same scope.
        var key = (what, stamp, asGovernment?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? db.ScopeKey);
        if (_cache.TryGetValue(key, out T? cached))
        {
            return cached;
        }

        var mine = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _loading.GetOrAdd(key, mine.Task);
        if (running != mine.Task)
        {
            try
            {
                return (T?)await running.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The request that was loading it went away; this one loads it for itself.
                return await load();
            }
        }

        try
        {
            Interlocked.Increment(ref _loads);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var value = await load();
            LogBuilt(logger, what.Kind, what.Id, what.Year, key.Item3, watch.Elapsed.TotalMilliseconds);

            // The split queries are separate statements: a change committed while they ran may
            // show in part of the graph. Such a graph is still returned (as it was before this
            // cache) but not kept, because the stamp it would be kept under is already old.
            if (value is not null && await StampAsync(db, names, cancellationToken) == stamp)
            {
                _cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(20) });
            }

            mine.SetResult(value);
            return value;
        }
        catch (Exception e)
        {
            mine.SetException(e);

            // Observed here, so that a failure nobody else waited for is not reported again.
            _ = mine.Task.Exception;
            throw;
        }
        finally
        {
            _loading.TryRemove(KeyValuePair.Create<object, Task<object?>>(key, mine.Task));
        }
    }

    /// <summary>
    /// The global stamp of that kind and the stamp of the plan's government. A request reads
    /// only its own government's plans (a plan of another loads as null, never kept), so its
    /// government is the plan's; only the system's readers ask the database whose plan it is (a reader as another government names it).
    /// </summary>
    private static async Task<string[]> StampNamesAsync(AppDbContext db, string kind, int planId, int? asGovernment, CancellationToken cancellationToken)
    {
        var government = asGovernment ?? (db.Actor.IsSystem
            ? await db.Plans.Where(p => p.Id == planId).Select(p => (int?)p.LocalGovernmentId).FirstOrDefaultAsync(cancellationToken)
            : db.Actor.LocalGovernmentId);
        return government is { } id ? [kind, ChangeStamp.Of(kind, id)] : [kind];
    }

    /// <summary>The tokens of those stamps, in one query; a government's stamp not yet written counts as empty.</summary>
    private static async Task<(Guid Global, Guid Government)> StampAsync(AppDbContext db, string[] names, CancellationToken cancellationToken)
    {
        var global = names[0];
        var own = names.Length > 1 ? names[1] : names[0];
        var tokens = await db.ChangeStamps.AsNoTracking()
            .Where(s => s.Name == global || s.Name == own)
            .Select(s => new { s.Name, s.Token })
            .ToListAsync(cancellationToken);
        Guid TokenOf(string name) => tokens.FirstOrDefault(t => t.Name == name)?.Token ?? Guid.Empty;
        return (TokenOf(names[0]), names.Length > 1 ? TokenOf(names[1]) : Guid.Empty);
    }

    // Debug, off by default: the load benchmark turns it on to count the rebuilds of a run
    // (docs/benchmarks.md, "National scale"), since the portal is another process there.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Plan copy built: {Kind} of plan {PlanId} ({Year}) for scope {Scope} in {Milliseconds:0.0} ms")]
    private static partial void LogBuilt(ILogger logger, string kind, int planId, int year, string scope, double milliseconds);
}
