using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Organization;

namespace SocialEconomy.Web.Data.Seed;

/// <summary>
/// The seeded organisation: 서울특별시 성북구, whose plan is the reference data. It exists on
/// every database, so that a first run has a government to hold the first administrator
/// and the seeded plan (a database of before organisations migrates into it).
/// </summary>
public sealed class GovernmentSeeder(AppDbContext db)
{
    public const string ReferenceName = "서울특별시 성북구";
    public const string ReferenceShortName = "성북구";
    public const string ReferenceCode = "3070000";

    public async Task<LocalGovernment> EnsureReferenceAsync(CancellationToken cancellationToken = default)
    {
        var government = await db.LocalGovernments.FirstOrDefaultAsync(g => g.ShortName == ReferenceShortName || g.Name == ReferenceName, cancellationToken);
        if (government is null)
        {
            government = new LocalGovernment(GovernmentLevel.Local, ReferenceName, ReferenceShortName, ReferenceCode);
            db.LocalGovernments.Add(government);
            await db.SaveChangesAsync(cancellationToken);
        }

        return government;
    }
}
