import jobAccess from './job-access';

export default { 'job-access': jobAccess };
