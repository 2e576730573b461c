using System.ComponentModel.DataAnnotations;
using SocialEconomy.Domain.Organization;

namespace SocialEconomy.Web.Features.AdminDepartments;

/// <summary>A department's name: all an administrator types. Its government is always the signer's.</summary>
public class DepartmentEditModel
{
    [Required(ErrorMessage = "부서명을 입력하세요.")]
    [StringLength(Department.NameMaxLength, ErrorMessage = "부서명은 100자 이내로 입력하세요.")]
    [Display(Name = "부서명")]
    public string Name { get; set; } = string.Empty;

    /// <summary>The department's version when the form was drawn (edits only): a save over someone else's newer change is refused.</summary>
    public Guid Version { get; set; }
}

public sealed record DepartmentListItem(int Id, string Name, bool IsActive, int SubProjects, int ActiveUsers);

/// <summary>The list of the signer's government's departments.</summary>
public sealed record DepartmentListViewModel(string GovernmentName, IReadOnlyList<DepartmentListItem> Departments);

public sealed class NewDepartmentViewModel
{
    public required string GovernmentName { get; init; }

    public DepartmentEditModel Input { get; init; } = new();
}

public sealed class DepartmentEditViewModel
{
    /// <summary>The stored department (never bound).</summary>
    public required DepartmentListItem Department { get; init; }

    public DepartmentEditModel Input { get; init; } = new();

    /// <summary>Set when another administrator saved first: the stored name is shown beside what was typed.</summary>
    public bool ShowsConflict { get; init; }
}
