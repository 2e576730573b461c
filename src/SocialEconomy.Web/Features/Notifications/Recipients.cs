using Microsoft.EntityFrameworkCore;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Notifications;

/// <summary>A person a notice goes to, with the address the e-mail goes to (if any).</summary>
public sealed record Recipient(string UserId, int LocalGovernmentId, string? Email);

/// <summary>Who is told: active accounts holding the role the event concerns, in the event's government.</summary>
internal static class Recipients
{
    /// <summary>사업담당자 of the departments, each with the departments of theirs among them.</summary>
    public static async Task<List<(Recipient Person, int DepartmentId)>> OfficersAsync(AppDbContext db, IReadOnlyCollection<int> departmentIds, CancellationToken cancellationToken)
    {
        var rows = await (from link in db.UserDepartments
                          join user in InRole(db, Roles.DepartmentOfficer) on link.UserId equals user.Id
                          where departmentIds.Contains(link.DepartmentId)
                          select new { user.Id, user.LocalGovernmentId, user.Email, link.DepartmentId })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (new Recipient(r.Id, r.LocalGovernmentId, r.Email), r.DepartmentId))];
    }

    /// <summary>주무부서 of the government.</summary>
    public static Task<List<Recipient>> CoordinatorsAsync(AppDbContext db, int governmentId, CancellationToken cancellationToken) =>
        InRole(db, Roles.Coordinator).Where(u => u.LocalGovernmentId == governmentId)
            .Select(u => new Recipient(u.Id, u.LocalGovernmentId, u.Email))
            .ToListAsync(cancellationToken);

    /// <summary>The active accounts named, whatever their role (committee members by their seats).</summary>
    public static Task<List<Recipient>> PeopleAsync(AppDbContext db, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.IsActive && userIds.Contains(u.Id))
            .Select(u => new Recipient(u.Id, u.LocalGovernmentId, u.Email))
            .ToListAsync(cancellationToken);

    private static IQueryable<Data.Identity.AppUser> InRole(AppDbContext db, string role) =>
        db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
}
