using Microsoft.EntityFrameworkCore;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.PlanStructure;

/// <summary>The active departments as select options, for the structure forms.</summary>
public static class DepartmentOptions
{
    public static async Task<IReadOnlyList<Option>> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.LocalGovernment.ShortName).ThenBy(d => d.Name).ToListAsync(cancellationToken))
            .Select(d => new Option(d.Id.ToString(Formats.Korean), d.DisplayName))
            .ToList();
    }
}
