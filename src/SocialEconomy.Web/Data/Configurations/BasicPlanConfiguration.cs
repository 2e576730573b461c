using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Web.Data.Configurations;

public sealed class BasicPlanConfiguration : IEntityTypeConfiguration<BasicPlan>
{
    public void Configure(EntityTypeBuilder<BasicPlan> builder)
    {
        builder.ToTable("Plans");
        builder.Property(p => p.Title).HasMaxLength(BasicPlan.TitleMaxLength).IsRequired();
        builder.Property(p => p.Subtitle).HasMaxLength(200);
        builder.Property(p => p.Slogan).HasMaxLength(200);
        builder.Property(p => p.District).HasMaxLength(Department.NameMaxLength).IsRequired();
        builder.Property(p => p.Vision).HasMaxLength(500).IsRequired();
        builder.Property(p => p.Purpose).HasMaxLength(4000);
        builder.Property(p => p.LegalBasis).HasMaxLength(4000);
        builder.Property(p => p.FinancialPlanNote).HasMaxLength(2000);
        builder.Ignore(p => p.Period);
        builder.Ignore(p => p.SubProjects);
        builder.HasOne(p => p.OwningDepartment).WithMany().HasForeignKey(p => p.OwningDepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.LocalGovernment).WithMany().HasForeignKey(p => p.LocalGovernmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Goals).WithOne().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Tasks).WithOne(t => t.Plan).HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.LocalGovernmentId, p.FirstYear, p.Title }).IsUnique();

        // One current plan per government. Both SQLite and SQL Server read [bracketed] names.
        builder.HasIndex(p => p.LocalGovernmentId).IsUnique().HasFilter("[IsCurrent] = 1").HasDatabaseName("IX_Plans_OneCurrentPerGovernment");

        // Application-managed, like SubProject.Version: the same conflict rule on both providers.
        builder.Property(p => p.StructureVersion).IsConcurrencyToken();
    }
}

public sealed class PlanGoalConfiguration : IEntityTypeConfiguration<PlanGoal>
{
    public void Configure(EntityTypeBuilder<PlanGoal> builder)
    {
        builder.ToTable("PlanGoals");
        builder.Property(g => g.Text).HasMaxLength(500).IsRequired();
        builder.HasIndex(g => new { g.PlanId, g.Order }).IsUnique();
    }
}

public sealed class StrategicTaskConfiguration : IEntityTypeConfiguration<StrategicTask>
{
    public void Configure(EntityTypeBuilder<StrategicTask> builder)
    {
        builder.ToTable("Tasks");
        builder.Property(t => t.Name).HasMaxLength(200).IsRequired();
        builder.Property(t => t.ShortName).HasMaxLength(100);
        builder.HasMany(t => t.SubProjects).WithOne(s => s.Task).HasForeignKey(s => s.TaskId).OnDelete(DeleteBehavior.Cascade);
        // Not unique in the database: moving a task swaps two numbers, which a unique index
        // would refuse mid-update. BasicPlan keeps numbers unique, and the plan's
        // StructureVersion token stops two concurrent changes from both passing that check.
        builder.HasIndex(t => new { t.PlanId, t.Number });
    }
}
