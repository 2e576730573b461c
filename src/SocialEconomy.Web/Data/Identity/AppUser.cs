using Microsoft.AspNetCore.Identity;
using SocialEconomy.Domain.Organization;

namespace SocialEconomy.Web.Data.Identity;

/// <summary>
/// A portal account. Accounts are deactivated, never deleted, so that the audit trail and
/// the results they entered keep naming them.
/// </summary>
public class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    private readonly List<UserDepartment> _departments = [];

    public AppUser(string userName, string displayName, int localGovernmentId)
        : base(userName)
    {
        DisplayName = displayName;
        LocalGovernmentId = localGovernmentId;
    }

    private AppUser()
    {
        DisplayName = string.Empty;
    }

    public string DisplayName { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>
    /// The government the person works for; every role they hold is held there
    /// (docs/organisations.md). Changed only by <c>UserAdministration</c>, which resets the
    /// roles and departments and audits the move.
    /// </summary>
    public int LocalGovernmentId { get; set; }

    public LocalGovernment? LocalGovernment { get; private set; }

    /// <summary>Set by an administrator's reset: the next sign-in must choose a new password.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The hash of the password before the current one, so it cannot be chosen again.</summary>
    public string? PreviousPasswordHash { get; set; }

    /// <summary>Set when the account is first saved (SaveBookkeeping), from the app's clock.</summary>
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The departments a 사업담당자 works for; decides which sub-projects they reach.</summary>
    public IReadOnlyCollection<UserDepartment> Departments => _departments;

    public void SetDepartments(IEnumerable<Department> departments)
    {
        ArgumentNullException.ThrowIfNull(departments);
        var wanted = departments.ToList();
        _departments.RemoveAll(d => wanted.All(w => w.Id != d.DepartmentId));
        foreach (var department in wanted.Where(w => _departments.All(d => d.DepartmentId != w.Id)))
        {
            _departments.Add(new UserDepartment(Id, department));
        }
    }
}

/// <summary>Binds an account to a department.</summary>
public class UserDepartment
{
    internal UserDepartment(string userId, Department department)
    {
        UserId = userId;
        Department = department;
        DepartmentId = department.Id;
    }

    private UserDepartment()
    {
        UserId = string.Empty;
        Department = null!;
    }

    public string UserId { get; private set; }

    public int DepartmentId { get; private set; }

    public Department Department { get; private set; }
}
