using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Web.Data;

namespace SocialEconomy.Web.Features.Evaluations;

/// <summary>The one way a year's evaluation is loaded: both frameworks with items and bands, and the committee with its scores.</summary>
public static class EvaluationQueries
{
    public static IQueryable<EvaluationCycle> WithFrameworksAndSeats(this IQueryable<EvaluationCycle> cycles) =>
        cycles
            .Include(c => c.SelfFramework).ThenInclude(f => f.Items)
            .Include(c => c.SelfFramework).ThenInclude(f => f.Bands)
            .Include(c => c.ExternalFramework).ThenInclude(f => f.Items)
            .Include(c => c.ExternalFramework).ThenInclude(f => f.Bands)
            .Include(c => c.Seats).ThenInclude(s => s.Scores)
            .AsSplitQuery();

    public static Task<EvaluationCycle?> CycleAsync(this AppDbContext db, int cycleId, CancellationToken cancellationToken) =>
        db.EvaluationCycles.WithFrameworksAndSeats().FirstOrDefaultAsync(c => c.Id == cycleId, cancellationToken);

    public static IQueryable<EvaluationFramework> WithItems(this IQueryable<EvaluationFramework> frameworks) =>
        frameworks.Include(f => f.Items).Include(f => f.Bands).AsSplitQuery();
}
