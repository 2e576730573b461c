using SocialEconomy.Domain.Organization;

namespace SocialEconomy.Domain.Planning;

/// <summary>A 협조부서 of a sub-project.</summary>
public class SubProjectSharing
{
    internal SubProjectSharing(Department department)
    {
        Department = department;
        DepartmentId = department.Id;
    }

    private SubProjectSharing()
    {
        Department = null!;
    }

    public int SubProjectId { get; private set; }

    public int DepartmentId { get; private set; }

    public Department Department { get; private set; }
}
